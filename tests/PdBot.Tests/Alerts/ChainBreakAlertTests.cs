using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.LiteDb;
using PdBot.Bot.Hosting;
using PdBot.Core.Alerts;
using PdBot.Core.Audit;

namespace PdBot.Tests.Alerts;

public sealed class ChainBreakAlertTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Db => _folder.File("pdbot.db");

    public void Dispose() => _folder.Dispose();

    private static async Task WriteEntriesAsync(PdBotTestHost host, int count)
    {
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await host.Audit.AppendAsync([.. Enumerable.Range(0, count).Select(i => new AuditEntry { TimeUtc = now, Kind = "test", Event = "written", Actor = "system", Detail = $"entry {i}" })]);
    }

    private static ChainCheckWorker Worker(PdBotTestHost host) => host.Services.GetRequiredService<ChainCheckWorker>();

    private static void EditInStore(PdBotTestHost host, long seq) =>
        Edit(host.Services.GetRequiredService<LiteDbStorage>().Database, seq);

    private static void Edit(LiteDatabase db, long seq)
    {
        var log = db.GetCollection(LiteDbStorage.Audit);
        var doc = log.FindById(seq);
        doc["Detail"] = "rewritten by hand";
        Assert.True(log.Update(doc));
    }

    [Fact]
    public async Task An_entry_edited_in_the_database_file_raises_one_alert_on_the_board_and_in_the_admin_chat()
    {
        using (var before = new PdBotTestHost(AdminChat.Settings(), Db))
        {
            await WriteEntriesAsync(before, 5);
        }

        using (var db = new LiteDatabase(new ConnectionString { Filename = Db, Connection = ConnectionType.Direct }))
        {
            Edit(db, 3);
        }

        using var host = new PdBotTestHost(AdminChat.Settings(), Db);
        var first = await Worker(host).RunOnceAsync(default);
        var second = await Worker(host).RunOnceAsync(default);

        Assert.True(first.Full);
        Assert.Equal((3L, "content altered", true), (first.Verification.FirstBadSeq!.Value, first.Verification.Problem!, first.Raised));
        Assert.False(second.Raised);
        var alert = Assert.Single(AdminChat.Open(host.Services));
        Assert.Equal(AlertKinds.ChainBroken, alert.Kind);
        Assert.Contains("на записи № 3: изменено содержимое записи", alert.Text, StringComparison.Ordinal);
        Assert.Equal(alert.Text, Assert.Single(AdminChat.Messages(host.Services)).Text);
    }

    [Fact]
    public async Task An_intact_chain_raises_nothing_round_after_round()
    {
        using var host = new PdBotTestHost(AdminChat.Settings(), Db);
        await WriteEntriesAsync(host, 5);

        var first = await Worker(host).RunOnceAsync(default);
        await WriteEntriesAsync(host, 3);
        host.Clock.Advance(ChainCheckWorker.Period);
        var second = await Worker(host).RunOnceAsync(default);

        Assert.True(first.Verification.IsIntact);
        Assert.Equal((false, true, 8L), (second.Full, second.Verification.IsIntact, second.Verification.IntactCount));
        Assert.Empty(AdminChat.Open(host.Services));
        Assert.Empty(AdminChat.Messages(host.Services));
    }

    [Fact]
    public async Task A_new_entry_edited_after_it_was_written_is_found_by_the_next_hourly_round()
    {
        using var host = new PdBotTestHost(AdminChat.Settings(), Db);
        await WriteEntriesAsync(host, 5);
        await Worker(host).RunOnceAsync(default);

        await WriteEntriesAsync(host, 4);
        EditInStore(host, 7);
        host.Clock.Advance(ChainCheckWorker.Period);
        var round = await Worker(host).RunOnceAsync(default);

        Assert.False(round.Full);
        Assert.Equal((7L, true), (round.Verification.FirstBadSeq!.Value, round.Raised));
        Assert.Contains("на записи № 7", Assert.Single(AdminChat.Open(host.Services)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_old_entry_edited_later_is_missed_by_the_hourly_rounds_and_found_by_the_nights_full_check()
    {
        using var host = new PdBotTestHost(AdminChat.Settings(), Db);
        await WriteEntriesAsync(host, 5);
        await Worker(host).RunOnceAsync(default);

        // 23.11 12:00 МСК: the hourly rounds read only what was added since.
        EditInStore(host, 2);
        await WriteEntriesAsync(host, 2);
        host.Clock.Advance(ChainCheckWorker.Period);
        var hourly = await Worker(host).RunOnceAsync(default);

        // 24.11 03:00 МСК: the night's full check.
        host.Clock.Advance(TimeSpan.FromHours(14));
        var night = await Worker(host).RunOnceAsync(default);
        await WriteEntriesAsync(host, 2);
        host.Clock.Advance(ChainCheckWorker.Period);
        var after = await Worker(host).RunOnceAsync(default);

        Assert.Equal((false, true), (hourly.Full, hourly.Verification.IsIntact));
        Assert.Equal((true, 2L, true), (night.Full, night.Verification.FirstBadSeq!.Value, night.Raised));
        Assert.Equal((false, true), (after.Full, after.Verification.IsIntact));
        Assert.Contains("на записи № 2", Assert.Single(AdminChat.Open(host.Services)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_the_newest_entries_is_found_by_the_hourly_round()
    {
        using var host = new PdBotTestHost(AdminChat.Settings(), Db);
        await WriteEntriesAsync(host, 3);
        await Worker(host).RunOnceAsync(default);

        await WriteEntriesAsync(host, 3);
        var log = host.Services.GetRequiredService<LiteDbStorage>().Database.GetCollection(LiteDbStorage.Audit);
        Assert.True(log.Delete(6));
        host.Clock.Advance(ChainCheckWorker.Period);
        var round = await Worker(host).RunOnceAsync(default);

        Assert.Equal((false, 6L, "missing"), (round.Full, round.Verification.FirstBadSeq!.Value, round.Verification.Problem!));
        Assert.Equal(AlertKinds.ChainBroken, Assert.Single(AdminChat.Open(host.Services)).Kind);
    }
}
