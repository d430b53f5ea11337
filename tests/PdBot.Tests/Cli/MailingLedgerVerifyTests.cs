using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Tests.Mailings;

namespace PdBot.Tests.Cli;

/// <summary><c>audit verify</c> recomputes each finished mailing's ledger hash: an edited, added or removed row fails it.</summary>
public sealed class MailingLedgerVerifyTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    private async Task<long> MakeCompletedMailing()
    {
        using var host = new PdBotTestHost(dbPath: Db);
        return (await host.SendCompletedAsync(["p1", "p2", "p3"])).Id;
    }

    private void TamperLedger(Action<ILiteCollection<BsonDocument>> change)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = Db });
        change(db.GetCollection(LiteMailingStore.Ledger));
    }

    [Fact]
    public async Task A_completed_mailing_with_its_ledger_untouched_passes()
    {
        await MakeCompletedMailing();

        var result = await CliRunner.RunAsync("audit", "verify", "--db", Db);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("Цепочка цела", result.Out, StringComparison.Ordinal);
        Assert.Contains("Журналы доставки рассылок целы: проверено рассылок — 1.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_ledger_row_fails_verify_naming_the_mailing_though_the_chain_is_intact()
    {
        var id = await MakeCompletedMailing();
        TamperLedger(ledger =>
        {
            var row = ledger.FindById($"{id}/p2");
            row["PlatformMessageId"] = "999";
            ledger.Update(row);
        });

        var result = await CliRunner.RunAsync("audit", "verify", "--db", Db);

        Assert.Equal(AuditVerbBroken, result.ExitCode);
        Assert.Contains("Цепочка цела", result.Out, StringComparison.Ordinal);
        Assert.Contains($"Журнал доставки рассылки № {id} изменён: его SHA-256 не совпадает", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_ledger_row_fails_verify_with_the_row_counts()
    {
        var id = await MakeCompletedMailing();
        TamperLedger(ledger => ledger.Delete($"{id}/p3"));

        var result = await CliRunner.RunAsync("audit", "verify", "--db", Db);

        Assert.Equal(AuditVerbBroken, result.ExitCode);
        Assert.Contains($"Журнал доставки рассылки № {id} изменён: строк в нём 2, а при завершении", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_added_ledger_row_fails_verify()
    {
        var id = await MakeCompletedMailing();
        TamperLedger(ledger =>
        {
            var row = ledger.FindById($"{id}/p1");
            row["_id"] = $"{id}/p4";
            row["PersonId"] = "p4";
            ledger.Insert(row);
        });

        var result = await CliRunner.RunAsync("audit", "verify", "--db", Db);

        Assert.Equal(AuditVerbBroken, result.ExitCode);
        Assert.Contains($"рассылки № {id} изменён: строк в нём 4", result.Out, StringComparison.Ordinal);
    }

    private const int AuditVerbBroken = PdBot.Bot.Cli.AuditVerb.Broken;
}
