using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Tests.Storage;

public sealed class GroupCommitWriterTests : IDisposable
{
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private LiteDbStorage Storage => (LiteDbStorage)_host.Services.GetService(typeof(LiteDbStorage))!;

    [Fact]
    public async Task Many_concurrent_saves_are_all_committed_in_one_unbroken_chain()
    {
        var time = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        var saves = Enumerable.Range(0, 500).Select(i =>
        {
            var person = Person.Create("test", $"p{i}", $"p{i}", time);
            var record = new ConsentRecord { Id = ConsentRecord.MakeId(person.Id, "mailing"), PersonId = person.Id, PurposeId = "mailing", State = ConsentState.Given };
            var entry = new AuditEntry { TimeUtc = time, Kind = AuditEvents.ConsentKind, Event = AuditEvents.Given, Channel = "test", UserId = $"p{i}", PersonId = person.Id };
            return Task.Run(() => _host.Store.SaveAsync(person, personChanged: true, [record], [entry]));
        });

        await Task.WhenAll(saves);

        Assert.Equal(AuditVerification.Intact(500), _host.Audit.Verify());
        Assert.NotNull(_host.Store.FindPerson("test", "p499"));
    }

    [Fact]
    public async Task A_failing_write_fails_only_its_own_caller_and_the_chain_stays_intact()
    {
        var good = Enumerable.Range(0, 20).Select(i => _host.Audit.AppendAsync([Entry(i)])).ToList();
        var bad = Storage.Writer.WriteAsync(_ => throw new InvalidOperationException("boom"));
        good.AddRange(Enumerable.Range(20, 20).Select(i => _host.Audit.AppendAsync([Entry(i)])));

        await Task.WhenAll(good);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal(AuditVerification.Intact(40), _host.Audit.Verify());
    }

    [Fact]
    public async Task A_save_completes_only_after_its_data_is_readable_from_the_file()
    {
        var person = Person.Create("test", "x", "x", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        await _host.Store.SaveAsync(person, personChanged: true, [], []);

        Assert.Equal(person.Id, _host.Store.FindPerson("test", "x")?.Id);
    }

    private static AuditEntry Entry(int i) => new()
    {
        TimeUtc = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc),
        Kind = AuditEvents.PersonKind,
        Event = "test",
        Channel = "test",
        UserId = $"u{i}",
    };
}
