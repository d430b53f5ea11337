using System.CommandLine;
using PdBot.Core.Audit;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Cli;

/// <summary>
/// <c>pdbot audit verify [--db PATH]</c>: exit 0 and the count when intact; 1 and the first bad entry, or the mailings
/// whose delivery ledger no longer matches its recorded hash, otherwise.
/// </summary>
public static class AuditVerb
{
    public const int Broken = 1;

    public static Command Command(CliConsole console)
    {
        var db = PdBotCli.DbOption();
        var verify = new Command("verify", "Проверить цепочку хешей журнала аудита и журналы доставки рассылок") { db };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction((parse, _) => Verify(console, parse.GetValue(db), parse.UnmatchedTokens));
        return new Command("audit", "Журнал аудита") { verify };
    }

    /// <remarks>The mailings' delivery ledgers are checked against the hashes their audit entries recorded, too.</remarks>
    public static async Task<int> Verify(CliConsole console, string? dbPath, IReadOnlyList<string> configArgs)
    {
        ArgumentNullException.ThrowIfNull(console);
        using var host = CliHost.Build(dbPath, configArgs);
        var audit = host.Services.GetRequiredService<IAuditLog>();
        var result = audit.Verify();
        var ledgers = LedgerCheck.Run(audit.OfKind(MailingEvents.Kind), host.Services.GetRequiredService<IMailingStore>());
        await console.Out.WriteLineAsync(result.IsIntact
            ? $"Цепочка цела: проверено записей — {result.IntactCount}."
            : $"Цепочка нарушена на записи № {result.FirstBadSeq}: {AuditVerification.ProblemText(result.Problem)} (записей до неё, прошедших проверку: {result.IntactCount}).");
        if (ledgers.IsIntact && ledgers.Checked > 0)
        {
            await console.Out.WriteLineAsync($"Журналы доставки рассылок целы: проверено рассылок — {ledgers.Checked}.");
        }

        foreach (var problem in ledgers.Problems)
        {
            await console.Out.WriteLineAsync(problem);
        }

        return result.IsIntact && ledgers.IsIntact ? 0 : Broken;
    }
}
