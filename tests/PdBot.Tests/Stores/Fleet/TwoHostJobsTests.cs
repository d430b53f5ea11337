using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PdBot.Adapters.Fleet;
using PdBot.Adapters.PostgreSql;
using PdBot.Bot.Cli;
using PdBot.Bot.Hosting;
using PdBot.Tests.PostgreSql;

namespace PdBot.Tests.Stores.Fleet;

/// <summary>Two real web hosts on one PostgreSQL database, on one fake clock: the daily jobs run on one host at a time.</summary>
[Collection(PdBot.Tests.Stores.Hosts.RealHostProcesses.Name)]
public sealed class TwoHostJobsTests : IDisposable
{
    private static readonly string[] Jobs =
        [DeploymentJobs.Retention, DeploymentJobs.ChainCheck, DeploymentJobs.IncidentClock, DeploymentJobs.AuthorityClock, DeploymentJobs.Mailings];

    private readonly TempFolder _tmp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Each_job_runs_on_one_of_two_hosts_and_the_other_takes_them_all_when_that_host_stops()
    {
        var connection = PgServer.CreateDatabase();
        var first = await StartAsync(connection);
        var second = await StartAsync(connection);
        try
        {
            await BothAsync(connection, first, second);
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
        }
    }

    private async Task BothAsync(string connection, WebApplication first, WebApplication second)
    {
        try
        {
            var leases = new[] { first, second }.Select(h => h.Services.GetRequiredService<IDeploymentLease>()).ToList();
            Assert.All(leases, l => Assert.IsType<PgDeploymentLease>(l));

            // Every worker asked on its first tick: each job is held, and by one host only.
            await UntilAsync(() => Jobs.All(j => leases.Any(l => l.Holds(j))));
            Assert.All(Jobs, j => Assert.Single(leases, l => l.Holds(j)));
        }
        finally
        {
            await first.StopAsync(); // a clean stop gives its jobs up
            await first.DisposeAsync();
        }

        var survivor = second.Services.GetRequiredService<IDeploymentLease>();
        await UntilAsync(() =>
        {
            _clock.Advance(PgDeploymentLease.RenewEvery); // the survivor's renewal runs every second
            return Jobs.All(survivor.Holds);
        });
        using var storage = new PgStorage(connection);
        var holders = storage.Query("SELECT DISTINCT holder FROM fleet_leases", r => r.GetString(0));
        Assert.Equal([((PgDeploymentLease)survivor).Holder], holders);
    }

    private async Task<WebApplication> StartAsync(string connection)
    {
        var app = ServeVerb.BuildApp(
            ["--urls", "http://127.0.0.1:0", "--Storage:Provider", "PostgreSql", "--Storage:ConnectionString", connection, "--Storage:Path", _tmp.File("pdbot.db")],
            s => s.AddSingleton<TimeProvider>(_clock));
        await PdBotServices.PrepareAsync(app.Services, default);
        await app.StartAsync();
        return app;
    }

    /// <summary>Polls (bounded) until <paramref name="done"/> holds: the hosts' workers run on their own tasks.</summary>
    private static async Task UntilAsync(Func<bool> done)
    {
        var waited = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "timed out");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
