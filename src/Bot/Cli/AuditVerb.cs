using System.CommandLine;
using PdBot.Core.Audit;

namespace PdBot.Bot.Cli;

/// <summary><c>pdbot audit verify [--db PATH]</c>: exit 0 and the count when intact, 1 and the first bad entry otherwise.</summary>
public static class AuditVerb
{
    public const int Broken = 1;

    public static Command Command(CliConsole console)
    {
        var db = PdBotCli.DbOption();
        var verify = new Command("verify", "Проверить цепочку хешей журнала аудита") { db };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction((parse, _) => Verify(console, parse.GetValue(db), parse.UnmatchedTokens));
        return new Command("audit", "Журнал аудита") { verify };
    }

    public static async Task<int> Verify(CliConsole console, string? dbPath, IReadOnlyList<string> configArgs)
    {
        ArgumentNullException.ThrowIfNull(console);
        using var host = CliHost.Build(dbPath, configArgs);
        var result = host.Services.GetRequiredService<IAuditLog>().Verify();
        if (result.IsIntact)
        {
            await console.Out.WriteLineAsync($"Цепочка цела: проверено записей — {result.IntactCount}.");
            return 0;
        }

        await console.Out.WriteLineAsync($"Цепочка нарушена на записи № {result.FirstBadSeq}: {AuditVerification.ProblemText(result.Problem)} (записей до неё, прошедших проверку: {result.IntactCount}).");
        return Broken;
    }
}
