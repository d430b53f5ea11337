using System.CommandLine;
using Microsoft.Extensions.Options;
using PdBot.Adapters.Local;
using PdBot.Bot.Conversation;
using PdBot.Bot.Hosting;
using PdBot.Core.Consent;
using PdBot.Core.Operator;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Core.Turns;

namespace PdBot.Bot.Cli;

/// <summary><c>pdbot chat [--user ID] [--db PATH]</c>: the bot in the terminal, same store as the server.</summary>
public static class ChatVerb
{
    public const string DefaultUser = "local-user";

    public static Command Command(CliConsole console)
    {
        var user = new Option<string>("--user") { Description = "Ваш идентификатор пользователя в локальном канале", DefaultValueFactory = _ => DefaultUser };
        var db = PdBotCli.DbOption();
        var command = new Command("chat", "Поговорить с ботом в этом терминале (число N нажимает кнопку N)") { user, db };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(user)!, parse.GetValue(db), parse.UnmatchedTokens, ct));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, string userId, string? dbPath, IReadOnlyList<string> configArgs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        using var host = CliHost.Build(dbPath, configArgs);
        var services = host.Services;
        var problems = services.GetRequiredService<IOptions<OperatorOptions>>().Value.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        _ = services.GetRequiredService<ConsentCatalog>();
        if (!host.IsLive)
        {
            // A running host did its start-up work and runs retention on its own schedule; here, what came due
            // while nobody was chatting (destructions, approved answers) happens first.
            await PdBotServices.PrepareAsync(services, cancellationToken);
            await services.GetRequiredService<RetentionWorker>().RunOnceAsync(cancellationToken);
        }

        var adapter = services.GetRequiredService<TurnPipeline>().Attach(
            new LocalConsoleAdapter(console.Out, services.GetRequiredService<TimeProvider>(), echoInput: console.InputRedirected));
        adapter.OnTurnError = async (turn, ex) =>
        {
            services.GetRequiredService<ILogger<LocalConsoleAdapter>>().LogError(ex, "Turn failed");
            await console.Out.WriteLineAsync(BotTexts.Error);
        };
        await console.Error.WriteLineAsync("PdBot, локальный канал. Напишите сообщение; число нажимает кнопку с этим номером; Ctrl+D — выход.");
        // Only this user's messages: the terminal shows everything it is given to whoever sits at it.
        await OutboxDispatcher.DeliverToChatAsync(services.GetRequiredService<IOutbox>(), adapter, LocalConsoleAdapter.Channel, userId, services.GetRequiredService<TimeProvider>(), cancellationToken);
        await adapter.RunAsync(console.In, userId, services.GetRequiredService<IBot>(), cancellationToken);
        return 0;
    }
}
