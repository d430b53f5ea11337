using System.Data.Common;
using PdBot.Adapters.Fleet;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// Leases of the once-per-deployment jobs for several hosts on one database: a row per job in <c>fleet_leases</c>
/// with its holder and an expiry. One statement renews the jobs this host holds and takes the free or expired ones it
/// wants; <see cref="PgLeaseRenewal"/> runs it every <see cref="RenewEvery"/>, so a host that dies loses its jobs
/// within <see cref="Ttl"/> and a host that stops hands them over at once (<see cref="ReleaseAsync"/>). Expiries are
/// on the hosts' clocks (<see cref="TimeProvider"/>): the holder stops trusting a lease <see cref="SkewAllowance"/>
/// before the others may take it, which covers clocks kept in step by NTP.
/// </summary>
public sealed class PgDeploymentLease : IDeploymentLease, IDisposable
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan SkewAllowance = TimeSpan.FromSeconds(1.5);

    // Renews what the holder has, takes what has expired; a row held by another live host is left alone (not returned).
    private const string HoldSql = """
        INSERT INTO fleet_leases AS l (job, holder, expires_at)
        SELECT job, $1, $2 FROM unnest($3::text[]) AS job
        ON CONFLICT (job) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
            WHERE l.holder = EXCLUDED.holder OR l.expires_at < $4
        RETURNING job
        """;

    private const string ReleaseSql = "DELETE FROM fleet_leases WHERE holder = $1";

    private readonly PgStorage _storage;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly SortedSet<string> _wanted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _trustedUntil = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;
    private bool _released;

    public PgDeploymentLease(PgStorage storage, TimeProvider time, string? holder = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(time);
        (_storage, _time) = (storage, time);
        Holder = holder ?? $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>This host's name in <c>fleet_leases.holder</c> (machine, process, a random part).</summary>
    public string Holder { get; }

    private bool Released
    {
        get
        {
            lock (_gate)
            {
                return _released;
            }
        }
    }

    public bool Holds(string job)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        lock (_gate)
        {
            if (_released)
            {
                return false;
            }

            _wanted.Add(job); // asked once, wanted from then on: the renewal takes it when it is free
            return _trustedUntil.TryGetValue(job, out var until) && until > _time.GetUtcNow();
        }
    }

    public async ValueTask<bool> TryHoldAsync(string job, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        bool fresh;
        lock (_gate)
        {
            fresh = !_wanted.Add(job) && _time.GetUtcNow() - _refreshedAt < RenewEvery;
        }

        if (!fresh)
        {
            try
            {
                await RefreshAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is DbException or TimeoutException)
            {
                // The database is out of reach: what is held runs out on its own, nothing new is taken.
            }
        }

        return Holds(job);
    }

    /// <summary>Renews the jobs held and takes the wanted ones that are free, in one statement.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            string[] jobs;
            lock (_gate)
            {
                jobs = [.. _wanted];
            }

            var now = _time.GetUtcNow();
            List<string> held = [];
            if (jobs.Length > 0 && !Released)
            {
                // Sorted: two hosts lock the rows in one order, so they never deadlock.
                await _storage.CommitNowAsync(async tx => held = await tx.QueryAsync(HoldSql, r => r.GetString(0),
                    Holder, (now + Ttl).UtcDateTime, jobs, now.UtcDateTime), cancellationToken);
            }

            lock (_gate)
            {
                _trustedUntil.Clear();
                foreach (var job in _released ? [] : held)
                {
                    _trustedUntil[job] = now + Ttl - SkewAllowance;
                }

                _refreshedAt = now;
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Gives up every job this host holds (the host is stopping): another host takes them at its next renewal.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            lock (_gate)
            {
                _released = true;
                _trustedUntil.Clear();
                _wanted.Clear();
            }

            await _storage.CommitNowAsync(tx => tx.ExecuteAsync(ReleaseSql, Holder), cancellationToken);
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();
}
