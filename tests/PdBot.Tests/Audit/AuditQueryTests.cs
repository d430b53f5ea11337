using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;

namespace PdBot.Tests.Audit;

/// <summary>Filtered, cursor-paged reads of the audit trail in a real LiteDB file.</summary>
public sealed class AuditQueryTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempFolder _tmp = new();
    private readonly LiteDbStorage _storage;
    private readonly LiteAuditLog _log;

    public AuditQueryTests()
    {
        _storage = new LiteDbStorage(new StorageOptions { Path = _tmp.File("audit.db") });
        _log = new LiteAuditLog(_storage);
    }

    public void Dispose()
    {
        _storage.Dispose();
        _tmp.Dispose();
    }

    /// <summary>One entry per hour: consent events for users u0..u9 alternating given/withdrawn, every fifth an admin view.</summary>
    private async Task SeedAsync(int count)
    {
        var entries = Enumerable.Range(0, count).Select(i => i % 5 == 4
            ? new AuditEntry { TimeUtc = Start.AddHours(i), Kind = "admin", Event = "viewed", Channel = "admin", Actor = "anna" }
            : new AuditEntry
            {
                TimeUtc = Start.AddHours(i),
                Kind = AuditEvents.ConsentKind,
                Event = i % 2 == 0 ? AuditEvents.Given : AuditEvents.Withdrawn,
                Channel = i % 3 == 0 ? "vk" : "telegram",
                UserId = $"u{i % 10}",
                PersonId = $"p{i % 10}",
                PurposeId = i % 7 == 0 ? "review" : "mailing",
                TextVersion = 1,
                TextHash = "h",
            }).ToList();
        await _log.AppendAsync(entries);
    }

    [Fact]
    public async Task The_consent_log_pages_newest_first_without_gaps_or_repeats()
    {
        await SeedAsync(200);
        var seen = new List<long>();
        long? cursor = null;
        do
        {
            var page = ((IAuditLog)_log).Page(AuditQuery.ConsentLog() with { BeforeSeq = cursor }, 30);
            seen.AddRange(page.Entries.Select(e => e.Seq));
            cursor = page.NextBeforeSeq;
        }
        while (cursor is not null);

        var expected = _log.ReadAll().Where(e => e.Kind == AuditEvents.ConsentKind).Select(e => e.Seq).OrderDescending().ToList();
        Assert.Equal(expected, seen);
        Assert.Equal(160, seen.Count);
    }

    [Fact]
    public async Task Every_filter_gives_exactly_the_entries_that_match_it()
    {
        await SeedAsync(300);
        AuditQuery[] queries =
        [
            AuditQuery.ConsentLog(AuditEvents.Withdrawn),
            AuditQuery.ConsentLog() with { PurposeId = "review" },
            AuditQuery.ConsentLog() with { Channel = "vk", PurposeId = "mailing" },
            AuditQuery.ConsentLog() with { Person = "u3" },
            AuditQuery.ConsentLog() with { Person = "p3", Events = [AuditEvents.Given] },
            AuditQuery.ConsentLog() with { FromUtc = Start.AddHours(50), ToUtc = Start.AddHours(75) },
            new AuditQuery { Kind = "admin", Actor = "anna" },
            AuditQuery.ConsentLog() with { PurposeId = "none" },
        ];

        foreach (var query in queries)
        {
            var expected = _log.ReadAll().Where(query.Matches).Select(e => e.Seq).OrderDescending().ToList();
            Assert.Equal(expected, _log.Query(query).Select(e => e.Seq).ToList());
        }
    }

    [Fact]
    public async Task A_date_range_finds_entries_even_when_commit_order_lags_behind_time_a_little()
    {
        // Two turns take their times, the later one commits first: sequence and time disagree by one step.
        await SeedAsync(100);
        await _log.AppendAsync([new AuditEntry { TimeUtc = Start.AddHours(40).AddMinutes(30), Kind = AuditEvents.ConsentKind, Event = AuditEvents.Given, Channel = "vk", PurposeId = "mailing" }]);

        var hits = _log.Query(AuditQuery.ConsentLog() with { FromUtc = Start.AddHours(40), ToUtc = Start.AddHours(41) }).ToList();

        Assert.Contains(hits, e => e.TimeUtc == Start.AddHours(40).AddMinutes(30));
        Assert.Contains(hits, e => e.TimeUtc == Start.AddHours(40));
        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public async Task A_person_is_found_by_platform_id_and_by_pseudonymous_id_alike()
    {
        await SeedAsync(50);

        var byPlatform = _log.Query(AuditQuery.ConsentLog() with { Person = "u1" }).Select(e => e.Seq).ToList();
        var byPseudonym = _log.Query(AuditQuery.ConsentLog() with { Person = "p1" }).Select(e => e.Seq).ToList();

        Assert.NotEmpty(byPlatform);
        Assert.Equal(byPlatform, byPseudonym);
    }
}
