using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;

namespace PdBot.Tests.Audit;

/// <summary>The entries of one kind, read range by range of the key: every one of them, in order, across chunk boundaries.</summary>
public sealed class AuditOfKindTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Entries_of_a_rare_kind_come_back_in_sequence_order_from_every_chunk()
    {
        using var storage = new LiteDbStorage(new StorageOptions { Path = _tmp.File("pdbot.db") });
        var audit = new LiteAuditLog(storage);
        var time = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        int[] rare = [1, 1024, 1025, 2048, 2600];
        await audit.AppendAsync([.. Enumerable.Range(1, 2600).Select(seq => new AuditEntry
        {
            TimeUtc = time.AddSeconds(seq),
            Kind = rare.Contains(seq) ? "mailing" : AuditEvents.ConsentKind,
            Event = "completed",
            Channel = "admin",
            Detail = $"entry {seq}",
        })]);

        var found = audit.OfKind("mailing").ToList();

        Assert.Equal(rare.Select(s => (long)s), found.Select(e => e.Seq));
        Assert.Equal(rare.Select(s => $"entry {s}"), found.Select(e => e.Detail));
        Assert.Equal(found.Select(e => e.Seq), ((IAuditLog)audit).ReadAll().Where(e => e.Kind == "mailing").Select(e => e.Seq));
    }
}
