using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.Options;
using PdBot.Bot.Cli.Control;
using PdBot.Bot.Hosting;

namespace PdBot.Bot.Cli;

/// <summary>The command line of the <c>pdbot</c> executable.</summary>
public static class PdBotCli
{
    /// <summary>
    /// Runs a command line. With no verb (or <c>serve</c>) the host starts; a verb runs inside a running host of the
    /// same store when one listens on its control socket, else here, with the same output and exit code either way.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliConsole? console = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        console ??= CliConsole.System;
        var config = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        try
        {
            var parse = Parse(args, console);
            if (UnknownVerb.Problem(parse) is { } unknown)
            {
                await console.Error.WriteLineAsync(unknown);
                return 2;
            }

            var serves = parse.CommandResult.Command is RootCommand || parse.CommandResult.Command.Name == "serve";
            if (serves && CliHost.IsLive)
            {
                await console.Error.WriteLineAsync("pdbot: хост уже работает; через управляющий сокет выполняются только команды.");
                return 2;
            }

            // On PostgreSQL a verb opens the shared database itself: there is no single host to go through.
            if (!serves && !CliHost.IsLive
                && !PdBotConfiguration.Storage(parse.UnmatchedTokens, DbPath(parse)).IsPostgreSql
                && await ControlClient.TryRunAsync(ControlSocketPath.For(DbPath(parse), parse.UnmatchedTokens), args, console, cancellationToken) is { } remote)
            {
                return remote;
            }

            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or OptionsValidationException)
        {
            // Configuration and file problems are the operator's to fix: a clear line, no stack trace.
            await console.Error.WriteLineAsync($"pdbot: {ex.Message}");
            return 2;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            // The server is down, refuses the login, or the schema is behind (pdbot db migrate): the operator's too.
            await console.Error.WriteLineAsync($"pdbot: ошибка PostgreSQL: {ex.Message}");
            return 2;
        }
    }

    /// <summary>The <c>--db PATH</c> option every verb that opens the store takes.</summary>
    public static Option<string?> DbOption() => new("--db") { Description = "Файл базы LiteDB (по умолчанию Storage:Path из конфигурации)" };

    /// <summary>The known verb words of a command line (e.g. <c>requests list</c>), for logs: never its values.</summary>
    public static string VerbOf(string[] args) => string.Join(' ', VerbPath(Parse(args, CliConsole.System)));

    internal static ParseResult Parse(string[] args, CliConsole console) => Root(args, console).Parse(args);

    internal static IEnumerable<string> VerbPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result is not null && result.Command is not RootCommand; result = result.Parent as CommandResult)
        {
            names.Push(result.Command.Name);
        }

        return names;
    }

    private static RootCommand Root(string[] args, CliConsole console)
    {
        var root = new RootCommand("PdBot: согласия и запросы о персональных данных для ботов клиники во ВКонтакте и Telegram.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((_, ct) => ServeVerb.RunAsync(args, ct));
        root.Add(ServeVerb.Command(args));
        root.Add(ChatVerb.Command(console));
        root.Add(AuditVerb.Command(console));
        root.Add(ConsentsVerb.Command(console));
        root.Add(CalendarVerb.Command(console));
        root.Add(RequestsVerb.Command(console));
        root.Add(MailingsVerb.Command(console));
        root.Add(RetentionVerb.Command(console));
        root.Add(AdminVerb.Command(console));
        root.Add(ApiKeysVerb.Command(console));
        root.Add(BackupVerb.Command(console));
        root.Add(RestoreVerb.Command(console));
        return root;
    }

    private static string? DbPath(ParseResult parse) =>
        parse.CommandResult.Command.Options.OfType<Option<string?>>().FirstOrDefault(o => o.Name == "--db") is { } db ? parse.GetValue(db) : null;
}
