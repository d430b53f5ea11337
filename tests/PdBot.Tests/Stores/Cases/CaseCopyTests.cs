using PdBot.Adapters.LiteDb;
using PdBot.Core.Authority;
using PdBot.Core.Incidents;
using PdBot.Core.Unlawful;

namespace PdBot.Tests.Stores.Cases;

/// <summary>The registers move from LiteDB to PostgreSQL (<c>pdbot db copy</c>) with their numbers, and numbering goes on after them.</summary>
public sealed class CaseCopyTests : IDisposable
{
    private readonly LiteCaseStores _lite = new();
    private readonly PgCaseStores _pg = new();

    public void Dispose()
    {
        _lite.Dispose();
        _pg.Dispose();
    }

    [Fact]
    public async Task Registers_copied_from_LiteDB_read_back_through_the_PostgreSQL_stores_and_numbers_go_on_past_them()
    {
        var incident = new Incident { Summary = "утечка", DetectedAtUtc = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc), AffectedPersonIds = ["p1"] };
        await _lite.Incidents.SaveAsync(incident, [], [CaseStores.Entry("incident", "registered")]);
        var requests = new[] { NewRequest(_lite.Authority.NextId(), "1"), NewRequest(_lite.Authority.NextId(), "2") };
        foreach (var r in requests)
        {
            await _lite.Authority.SaveAsync(r, [CaseStores.Entry("authority", "registered")]);
        }

        var @case = new UnlawfulCase { Id = _lite.Unlawful.NextId(), PersonId = "p1", What = "без согласия", DetectedOn = new DateOnly(2026, 11, 20) };
        await _lite.Unlawful.SaveAsync(@case, [], [CaseStores.Entry("unlawful", "registered")]);
        _lite.Reopen();
        var liteNext = (_lite.Incidents.NextId(), _lite.Authority.NextId(), _lite.Unlawful.NextId());

        var copy = _pg.Copy;
        await _pg.Storage.CommitNowAsync(tx => copy.CopyAsync(_lite.Storage.Database, tx));

        Assert.Equal(["утечка"], _pg.Incidents.List().Select(i => i.Summary));
        Assert.Equal(new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc), _pg.Incidents.Find(incident.Id)!.DetectedAtUtc);
        Assert.Equal(requests.Reverse().Select(r => (r.Id, r.IncomingNumber, r.DueDate)), _pg.Authority.All().Select(r => (r.Id, r.IncomingNumber, r.DueDate)));
        Assert.Equal(("p1", new DateOnly(2026, 11, 20)), (_pg.Unlawful.Find(@case.Id)!.PersonId, _pg.Unlawful.Find(@case.Id)!.DetectedOn));
        Assert.Equal(liteNext, (_pg.Incidents.NextId(), _pg.Authority.NextId(), _pg.Unlawful.NextId()));
        Assert.Equal(
            [(LiteIncidentStore.Incidents, "incidents"), (LiteAuthorityStore.Collection, "authority_requests"), (LiteUnlawfulStore.Collection, "unlawful_cases")],
            copy.Tables.Where(t => t.Value is not null).Select(t => (t.Key, t.Value!)));
    }

    [Fact]
    public async Task An_empty_LiteDB_store_copies_nothing_and_numbering_starts_at_one()
    {
        var copy = _pg.Copy;

        await _pg.Storage.CommitNowAsync(tx => copy.CopyAsync(_lite.Storage.Database, tx));

        Assert.Empty(_pg.Incidents.List());
        Assert.Equal((1L, 1L, 1L), (_pg.Incidents.NextId(), _pg.Authority.NextId(), _pg.Unlawful.NextId()));
    }

    private static AuthorityRequest NewRequest(long id, string number) =>
        new() { Id = id, IncomingNumber = number, ReceivedOn = new DateOnly(2026, 11, 20), DueDate = new DateOnly(2026, 12, 4) };
}
