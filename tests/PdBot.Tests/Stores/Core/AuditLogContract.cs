using PdBot.Core.Audit;

namespace PdBot.Tests.Stores.Core;

/// <summary>IAuditLog's filtered, cursor-paged reads, written once and run on every provider.</summary>
public abstract class AuditLogContract : CoreStoreContract
{
    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>One entry per hour: consent events for users u0..u9 alternating given/withdrawn, every fifth an admin view.</summary>
    private Task SeedAsync(int count) => Stores.Audit.AppendAsync([.. Enumerable.Range(0, count).Select(i => i % 5 == 4
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
            Actor = "person",
        })]);

    [Fact]
    public async Task The_consent_log_pages_newest_first_without_gaps_or_repeats()
    {
        await SeedAsync(200);
        var seen = new List<long>();
        long? cursor = null;
        do
        {
            var page = Stores.Audit.Page(AuditQuery.ConsentLog() with { BeforeSeq = cursor }, 30);
            seen.AddRange(page.Entries.Select(e => e.Seq));
            cursor = page.NextBeforeSeq;
        }
        while (cursor is not null);

        var expected = Stores.Audit.ReadAll().Where(e => e.Kind == AuditEvents.ConsentKind).Select(e => e.Seq).OrderDescending().ToList();
        Assert.Equal(expected, seen);
        Assert.Equal(160, seen.Count);
    }

    [Fact]
    public async Task Every_filter_gives_exactly_the_entries_that_match_it()
    {
        await SeedAsync(300);
        AuditQuery[] queries =
        [
            new AuditQuery(),
            AuditQuery.ConsentLog(AuditEvents.Withdrawn),
            AuditQuery.ConsentLog() with { PurposeId = "review" },
            AuditQuery.ConsentLog() with { Channel = "vk", PurposeId = "mailing" },
            AuditQuery.ConsentLog() with { Person = "u3" },
            AuditQuery.ConsentLog() with { Person = "p3", Events = [AuditEvents.Given] },
            new AuditQuery { Person = "p4", BeforeSeq = 150 },
            AuditQuery.ConsentLog() with { FromUtc = Start.AddHours(50), ToUtc = Start.AddHours(75) },
            new AuditQuery { FromUtc = Start.AddHours(290) },
            new AuditQuery { ToUtc = Start.AddHours(10), Channel = "admin" },
            new AuditQuery { Kind = "admin", Actor = "anna" },
            new AuditQuery { Actor = "nobody" },
            AuditQuery.ConsentLog() with { PurposeId = "none" },
            AuditQuery.ConsentLog() with { BeforeSeq = 100 },
        ];

        foreach (var query in queries)
        {
            var expected = Stores.Audit.ReadAll().Where(query.Matches).Select(e => e.Seq).OrderDescending().ToList();
            Assert.Equal(expected, Stores.Audit.Query(query).Select(e => e.Seq).ToList());
        }
    }

    [Fact]
    public async Task A_date_range_finds_entries_even_when_commit_order_lags_behind_time_a_little()
    {
        // Two turns take their times, the later one commits first: sequence and time disagree by one step.
        await SeedAsync(100);
        await Stores.Audit.AppendAsync([new AuditEntry { TimeUtc = Start.AddHours(40).AddMinutes(30), Kind = AuditEvents.ConsentKind, Event = AuditEvents.Given, Channel = "vk", PurposeId = "mailing", Actor = "person" }]);

        var hits = Stores.Audit.Query(AuditQuery.ConsentLog() with { FromUtc = Start.AddHours(40), ToUtc = Start.AddHours(41) }).ToList();

        Assert.Contains(hits, e => e.TimeUtc == Start.AddHours(40).AddMinutes(30));
        Assert.Contains(hits, e => e.TimeUtc == Start.AddHours(40));
        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public async Task A_person_is_found_by_platform_id_and_by_pseudonymous_id_alike()
    {
        await SeedAsync(50);

        var byPlatform = Stores.Audit.Query(AuditQuery.ConsentLog() with { Person = "u1" }).Select(e => e.Seq).ToList();
        var byPseudonym = Stores.Audit.Query(AuditQuery.ConsentLog() with { Person = "p1" }).Select(e => e.Seq).ToList();

        Assert.NotEmpty(byPlatform);
        Assert.Equal(byPlatform, byPseudonym);
    }

    [Fact]
    public async Task A_long_trail_is_read_whole_newest_first_and_its_pages_stay_in_order_across_read_chunks()
    {
        await SeedAsync(5000);

        var all = Stores.Audit.Query(new AuditQuery()).Select(e => e.Seq).ToList();
        var page = Stores.Audit.Page(new AuditQuery { Kind = "admin", BeforeSeq = 4000 }, 700);

        Assert.Equal(Enumerable.Range(1, 5000).Select(i => (long)i).Reverse(), all);
        Assert.Equal(Enumerable.Range(1, 3999).Where(i => i % 5 == 0).Select(i => (long)i).Reverse().Take(700), page.Entries.Select(e => e.Seq));
        Assert.Equal(page.Entries[^1].Seq, page.NextBeforeSeq);
        Assert.True(Stores.Audit.Verify().IsIntact);
    }
}
