using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PdBot.Adapters.PostgreSql;
using PdBot.Adapters.Processing;
using PdBot.Core.Inbox;
using PdBot.Tests.PostgreSql;

namespace PdBot.Tests.Stores.Hosts;

/// <summary>Two hosts' processing loops on one PostgreSQL database, with one person's updates split between them.</summary>
public sealed class TwoHostLoopTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Two_hosts_run_each_persons_updates_in_order_and_each_exactly_once()
    {
        var db = await CreateDatabaseAsync();
        await using var a = new PgHost("a", db, _clock);
        await using var b = new PgHost("b", db, _clock);
        a.Start();
        b.Start();

        // Each person's updates arrive one after another, alternately at the two hosts; people arrive at once.
        const int People = 6, Each = 20;
        await Task.WhenAll(Enumerable.Range(1, People).Select(p => Task.Run(async () =>
        {
            for (var i = 1; i <= Each; i++)
            {
                var host = (i + p) % 2 == 0 ? a : b;
                Assert.True(await host.SayAsync($"p{p}", i.ToString(CultureInfo.InvariantCulture), $"p{p}-{i:D3}"));
            }
        })));

        await WaitUntilAsync(a.Storage, () => Count(a.Storage, "SELECT count(*) FROM inbox WHERE processed_at IS NULL") == 0);

        AssertEachOnceInOrder(a.Storage, People, Each);
        Assert.True(a.Bot.Turns > 0 && b.Bot.Turns > 0, $"both hosts ran turns (a: {a.Bot.Turns}, b: {b.Bot.Turns})");
    }

    [Fact]
    public async Task A_host_dying_in_the_middle_of_turns_loses_nothing_and_the_other_host_takes_over_its_people()
    {
        var db = await CreateDatabaseAsync();
        await using var a = new PgHost("a", db, _clock);
        await using var b = new PgHost("b", db, _clock);
        a.Start();
        b.Start();
        await a.SayAsync("p1", "1", "p1-1");
        await b.SayAsync("p1", "2", "p1-2");
        await WaitUntilAsync(a.Storage, () => Count(a.Storage, "SELECT count(*) FROM effects") == 2);

        // Host a hangs in the middle of p1's third turn (its claim held), then stores more updates it will never run.
        a.Bot.Hang();
        await a.SayAsync("p1", "3", "p1-3");
        await a.Bot.Hanging;
        await b.SayAsync("p1", "4", "p1-4");
        await a.SayAsync("p1", "5", "p1-5");
        for (var i = 1; i <= 3; i++)
        {
            await a.SayAsync("p2", i.ToString(CultureInfo.InvariantCulture), $"p2-{i}");
        }

        // Host a dies before any of its turns commits: they roll back and release their claims.
        await a.StopAsync();

        await WaitUntilAsync(b.Storage, () => Count(b.Storage, "SELECT count(*) FROM inbox WHERE processed_at IS NULL") == 0);

        var effects = Effects(b.Storage);
        Assert.Equal(["1", "2", "3", "4", "5"], effects.Where(e => e.Person == "test:p1").Select(e => e.Text));
        Assert.Equal(["1", "2", "3"], effects.Where(e => e.Person == "test:p2").Select(e => e.Text));
        Assert.All(effects.Where(e => e.Item is "p1-3" or "p1-5" || e.Person == "test:p2"), e => Assert.Equal("b", e.Host));
        Assert.All(effects.GroupBy(e => e.Person), g => Assert.Equal(Enumerable.Range(1, g.Count()).Select(n => (long)n), g.Select(e => e.N)));
        Assert.Equal(8, Count(b.Storage, "SELECT count(DISTINCT dedupe_key) FROM outbox"));
        Assert.Equal(8, Count(b.Storage, "SELECT count(*) FROM outbox"));
    }

    [Fact]
    public async Task A_claim_runs_the_persons_oldest_update_first_and_skips_one_processed_elsewhere()
    {
        var db = await CreateDatabaseAsync();
        await using var a = new PgHost("a", db, _clock);
        await using var b = new PgHost("b", db, _clock);
        await a.SayAsync("p1", "1", "p1-1");
        _clock.Advance(TimeSpan.FromMilliseconds(10));
        await b.SayAsync("p1", "2", "p1-2");
        var second = b.Inbox.Unprocessed("test").Single(i => i.Id == "test:p1-2");

        await using (var claim = await b.Claims.ClaimAsync(second, default))
        {
            Assert.Equal((ClaimOutcome.Run, "test:p1-1"), (claim.Outcome, claim.Item!.Id));
        }

        await a.Loop.RunOnceAsync(default);
        await using (var claim = await b.Claims.ClaimAsync(second, default))
        {
            Assert.Equal(ClaimOutcome.Done, claim.Outcome);
        }
    }

    [Fact]
    public async Task A_commit_outside_a_claim_refuses_an_update_another_host_processed()
    {
        var db = await CreateDatabaseAsync();
        await using var a = new PgHost("a", db, _clock);
        await using var b = new PgHost("b", db, _clock);
        await a.SayAsync("p1", "1", "p1-1");
        var stale = b.Inbox.Unprocessed("test").Single();
        await a.Loop.RunOnceAsync(default);

        stale.ProcessedAtUtc = _clock.GetUtcNow().UtcDateTime;
        using var turn = b.Transactions.Begin();
        await Assert.ThrowsAsync<InvalidOperationException>(() => b.Transactions.CommitAsync(turn, [stale], [], default));

        Assert.Single(Effects(b.Storage));
        Assert.Equal(1, Count(b.Storage, "SELECT count(*) FROM outbox"));
    }

    private static async Task<string> CreateDatabaseAsync()
    {
        var db = PgServer.CreateDatabase();
        using var storage = new PgStorage(db);
        await new PgMigrator(storage).MigrateAsync();
        storage.Execute(EffectBot.Schema);
        return db;
    }

    private static void AssertEachOnceInOrder(PgStorage storage, int people, int each)
    {
        var effects = Effects(storage);
        Assert.Equal(people * each, effects.Count);
        Assert.Equal(people * each, effects.Select(e => e.Item).Distinct().Count());
        foreach (var person in effects.GroupBy(e => e.Person))
        {
            Assert.Equal(Enumerable.Range(1, each).Select(i => i.ToString(CultureInfo.InvariantCulture)), person.Select(e => e.Text));
            Assert.Equal(Enumerable.Range(1, each).Select(i => (long)i), person.Select(e => e.N));
        }

        Assert.Equal(people * each, Count(storage, "SELECT count(DISTINCT dedupe_key) FROM outbox"));
        Assert.Equal(people * each, Count(storage, "SELECT count(*) FROM outbox"));
    }

    private static List<Effect> Effects(PgStorage storage) =>
        storage.Query("SELECT item, person, n, text, host FROM effects ORDER BY seq", r => new Effect(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4)));

    private static long Count(PgStorage storage, string sql) => storage.Query(sql, r => r.GetInt64(0))[0];

    // Polls the database; each round moves the hosts' clock on a second, so their polling and retries come round.
    private async Task WaitUntilAsync(PgStorage storage, Func<bool> condition)
    {
        _ = storage;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the hosts did not finish the work");
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
    }

    private sealed record Effect(string Item, string Person, long N, string Text, string Host);
}
