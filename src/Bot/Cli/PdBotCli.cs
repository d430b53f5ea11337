using System.CommandLine;
using Microsoft.Extensions.Options;

namespace PdBot.Bot.Cli;

/// <summary>The command line of the <c>pdbot</c> executable.</summary>
public static class PdBotCli
{
    public static async Task<int> RunAsync(string[] args, CliConsole? console = null, CancellationToken cancellationToken = default)
    {
        console ??= CliConsole.System;
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
        var config = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(args).InvokeAsync(config, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or OptionsValidationException)
        {
            // Configuration and file problems are the operator's to fix: a clear line, no stack trace.
            await console.Error.WriteLineAsync($"pdbot: {ex.Message}");
            return 2;
        }
    }

    /// <summary>The <c>--db PATH</c> option every verb that opens the store takes.</summary>
    public static Option<string?> DbOption() => new("--db") { Description = "Файл базы LiteDB (по умолчанию Storage:Path из конфигурации)" };
}
