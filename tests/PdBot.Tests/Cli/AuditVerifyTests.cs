using LiteDB;
using PdBot.Adapters.LiteDb;

namespace PdBot.Tests.Cli;

public sealed class AuditVerifyTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    /// <summary>
    /// Three people give and one withdraws: six audit entries in a real file (3 given, 1 withdrawn, and the
    /// withdrawal request opened for the destruction: received, identity confirmed).
    /// </summary>
    private async Task MakeLog()
    {
        foreach (var user in new[] { "1", "2", "3" })
        {
            await CliRunner.RunWithInputAsync("/start\n1\n2\n", "chat", "--user", user, "--db", Db);
        }

        await CliRunner.RunWithInputAsync("/stop\n", "chat", "--user", "1", "--db", Db);
    }

    private void Tamper(Action<ILiteCollection<BsonDocument>> change)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = Db });
        change(db.GetCollection(LiteDbStorage.Audit));
    }

    [Fact]
    public async Task An_intact_trail_exits_zero_with_the_count()
    {
        await MakeLog();

        var result = await CliRunner.RunAsync("audit", "verify", "--db", Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Цепочка цела: проверено записей — 6.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_entry_is_reported_by_its_sequence_number()
    {
        await MakeLog();
        Tamper(log =>
        {
            var doc = log.FindById(2);
            doc["Event"] = "withdrawn";
            log.Update(doc);
        });

        var result = await CliRunner.RunAsync("audit", "verify", "--db", Db);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Цепочка нарушена на записи № 2:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_entry_is_reported_by_its_sequence_number()
    {
        await MakeLog();
        Tamper(log => log.Delete(3));

        var result = await CliRunner.RunAsync("audit", "verify", "--db", Db);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Цепочка нарушена на записи № 3:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_newest_entry_is_caught_too()
    {
        await MakeLog();
        Tamper(log => log.Delete(6));

        var result = await CliRunner.RunAsync("audit", "verify", "--db", Db);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Цепочка нарушена на записи № 6:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swapped_entries_are_reported_at_the_first_of_them()
    {
        await MakeLog();
        Tamper(log =>
        {
            var (two, three) = (log.FindById(2), log.FindById(3));
            (two["_id"], three["_id"]) = (3, 2);
            log.Update(two);
            log.Update(three);
        });

        var result = await CliRunner.RunAsync("audit", "verify", "--db", Db);

        Assert.True(result.ExitCode != 0, result.Error);
        Assert.True(result.Out.Contains("Цепочка нарушена на записи № 2:", StringComparison.Ordinal), result.Out + result.Error);
    }
}
