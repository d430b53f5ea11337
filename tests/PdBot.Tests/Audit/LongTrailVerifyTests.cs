using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;

namespace PdBot.Tests.Audit;

/// <summary>A trail longer than the chunks verification reads and hashes in parallel, in a real file.</summary>
public sealed class LongTrailVerifyTests : IDisposable
{
    private const int Entries = 2500;

    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Db => _tmp.File("pdbot.db");

    private async Task Seed()
    {
        using var storage = new LiteDbStorage(new StorageOptions { Path = Db });
        var audit = new LiteAuditLog(storage);
        var time = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        var entries = Enumerable.Range(0, Entries).Select(i => new AuditEntry
        {
            TimeUtc = time.AddSeconds(i),
            Kind = AuditEvents.ConsentKind,
            Event = AuditEvents.Given,
            Channel = "test",
            UserId = $"u{i}",
        }).ToList();
        await audit.AppendAsync(entries);
    }

    private AuditVerification Verify(Action<ILiteCollection<BsonDocument>>? tamper = null)
    {
        using var storage = new LiteDbStorage(new StorageOptions { Path = Db });
        tamper?.Invoke(storage.Database.GetCollection(LiteDbStorage.Audit));
        return new LiteAuditLog(storage).Verify();
    }

    [Fact]
    public async Task An_untouched_long_trail_verifies_with_its_count()
    {
        await Seed();

        Assert.Equal(AuditVerification.Intact(Entries), Verify());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(2049)]
    [InlineData(Entries - 1)]
    public async Task An_edit_anywhere_is_reported_at_that_entry(int seq)
    {
        await Seed();

        var result = Verify(log =>
        {
            var doc = log.FindById(seq);
            doc["Event"] = AuditEvents.Withdrawn;
            log.Update(doc);
        });

        Assert.Equal(AuditVerification.Broken(seq - 1, seq, "content altered"), result);
    }

    [Fact]
    public async Task A_deleted_entry_in_a_later_chunk_is_reported_as_missing()
    {
        await Seed();

        var result = Verify(log => log.Delete(2000));

        Assert.Equal(AuditVerification.Broken(1999, 2000, "missing"), result);
    }

    [Fact]
    public async Task An_entry_added_past_the_head_is_caught()
    {
        await Seed();

        var result = Verify(log =>
        {
            var copy = log.FindById(Entries);
            copy["_id"] = Entries + 1;
            log.Insert(copy);
        });

        Assert.Equal(AuditVerification.Broken(Entries, Entries + 1, "previous-hash link broken"), result);
    }
}
