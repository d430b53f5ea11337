using Microsoft.Extensions.Time.Testing;
using PdBot.Adapters.Fleet;
using PdBot.Adapters.PostgreSql;
using PdBot.Tests.PostgreSql;

namespace PdBot.Tests.Stores.Fleet;

/// <summary>Two hosts' leases on one PostgreSQL database (each with a connection pool of its own), on a fake clock.</summary>
public sealed class DeploymentLeaseTests : IAsyncLifetime
{
    private const string Job = DeploymentJobs.Retention;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly List<IDisposable> _owned = [];
    private string _database = "";

    public async Task InitializeAsync()
    {
        _database = PgServer.CreateDatabase();
        using var storage = new PgStorage(_database);
        await new PgMigrator(storage).MigrateAsync();
    }

    public Task DisposeAsync()
    {
        _owned.ForEach(o => o.Dispose());
        return Task.CompletedTask;
    }

    private (PgDeploymentLease Lease, PgStorage Storage) Host(string name)
    {
        var storage = new PgStorage(_database);
        var lease = new PgDeploymentLease(storage, _clock, name);
        _owned.Add(lease);
        _owned.Add(storage);
        return (lease, storage);
    }

    [Fact]
    public async Task Two_hosts_ask_for_the_same_job_at_once_and_only_one_holds_it()
    {
        var (a, _) = Host("a");
        var (b, _) = Host("b");

        var held = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).TryHoldAsync(Job, default).AsTask()));

        var holder = Assert.Single(new[] { a, b }, l => l.Holds(Job));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b) == holder), held);
    }

    [Fact]
    public async Task The_holder_keeps_its_job_while_it_renews_and_the_other_host_waits()
    {
        var (a, _) = Host("a");
        var (b, _) = Host("b");
        Assert.True(await a.TryHoldAsync(Job, default));

        for (var i = 0; i < 30; i++)
        {
            _clock.Advance(PgDeploymentLease.RenewEvery);
            await a.RefreshAsync(default);
            Assert.False(await b.TryHoldAsync(Job, default));
            Assert.True(await a.TryHoldAsync(Job, default));
        }
    }

    [Fact]
    public async Task A_host_that_dies_loses_its_job_when_the_lease_expires_and_the_other_takes_it_over()
    {
        var (a, aStorage) = Host("a");
        var (b, _) = Host("b");
        Assert.True(await a.TryHoldAsync(Job, default));
        Assert.False(await b.TryHoldAsync(Job, default));

        // "a" is gone: its connections are closed and nothing renews its lease any more.
        aStorage.Dispose();
        _clock.Advance(PgDeploymentLease.Ttl - PgDeploymentLease.RenewEvery);
        Assert.False(await b.TryHoldAsync(Job, default));
        _clock.Advance(PgDeploymentLease.RenewEvery + TimeSpan.FromMilliseconds(1));

        Assert.True(await b.TryHoldAsync(Job, default));
        Assert.False(a.Holds(Job));
    }

    [Fact]
    public async Task A_holder_cut_off_from_the_database_stops_trusting_its_lease_before_anyone_may_take_it()
    {
        var (a, aStorage) = Host("a");
        var (b, _) = Host("b");
        Assert.True(await a.TryHoldAsync(Job, default));
        aStorage.Dispose(); // renewals fail from now on

        _clock.Advance(PgDeploymentLease.Ttl - PgDeploymentLease.SkewAllowance);

        Assert.False(a.Holds(Job));
        Assert.False(await b.TryHoldAsync(Job, default)); // not expired yet: the margin covers clocks a little apart
    }

    [Fact]
    public async Task A_host_that_stops_releases_its_jobs_and_the_other_takes_them_at_once()
    {
        var (a, _) = Host("a");
        var (b, _) = Host("b");
        Assert.True(await a.TryHoldAsync(Job, default));
        Assert.True(await a.TryHoldAsync(DeploymentJobs.Outbox("telegram"), default));
        Assert.False(await b.TryHoldAsync(Job, default));
        Assert.False(await b.TryHoldAsync(DeploymentJobs.Outbox("telegram"), default));

        await a.ReleaseAsync();
        await b.RefreshAsync(default);

        Assert.True(b.Holds(Job));
        Assert.True(b.Holds(DeploymentJobs.Outbox("telegram")));
        Assert.False(await a.TryHoldAsync(Job, default));
    }

    [Fact]
    public async Task A_job_asked_for_once_is_taken_by_the_renewal_when_its_holder_is_gone()
    {
        var (a, _) = Host("a");
        var (b, _) = Host("b");
        Assert.True(await a.TryHoldAsync(Job, default));
        Assert.False(await b.TryHoldAsync(Job, default));

        _clock.Advance(PgDeploymentLease.Ttl + TimeSpan.FromSeconds(1));
        await b.RefreshAsync(default); // the background renewal, not the worker

        Assert.True(b.Holds(Job));
    }

    [Fact]
    public async Task On_one_process_every_job_is_held()
    {
        var lease = SingleProcessLease.Instance;

        Assert.True(lease.Holds(Job));
        Assert.True(await lease.TryHoldAsync(DeploymentJobs.Poll("vk"), default));
    }
}
