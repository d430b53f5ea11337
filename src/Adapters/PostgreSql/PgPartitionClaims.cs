using System.Collections.Concurrent;
using Npgsql;
using PdBot.Adapters.Processing;
using PdBot.Core.Inbox;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// Several hosts on one database: a person's partition is claimed with a transaction-scoped advisory lock on their
/// key, taken in the transaction that later commits the turn (<see cref="PgTurnTransactions"/>). Under the lock the
/// person's oldest unprocessed update is read again, so an update another host processed meanwhile is skipped and one
/// another host stored earlier runs first. A host that dies loses its connection, PostgreSQL rolls its transactions
/// back and releases its locks, and the other hosts find its unprocessed updates by polling.
/// </summary>
public sealed class PgPartitionClaims : IPartitionClaims, IDisposable
{
    private const string TryLock = "SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0))";
    private const string LockWaiting = "SELECT set_config('lock_timeout', $2, true), pg_advisory_xact_lock(hashtextextended($1, 0))";
    private const string NoLockTimeout = "SELECT set_config('lock_timeout', '0', true)";
    private const string HeadOfPerson = "SELECT doc FROM inbox WHERE person_key = $1 AND processed_at IS NULL ORDER BY received_at, id LIMIT 1";
    private const string Unprocessed = "SELECT doc FROM inbox WHERE id = $1 AND processed_at IS NULL";
    private const string WaitingIds =
        "SELECT id FROM inbox WHERE channel = $1 AND processed_at IS NULL AND received_at < $2 ORDER BY received_at, id LIMIT $3";
    private const string ItemsById = "SELECT doc FROM inbox WHERE id = ANY($1) AND processed_at IS NULL ORDER BY received_at, id";
    private const string Heartbeat = "INSERT INTO hosts (id, seen_at) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at";
    private const string AnyDead = "SELECT EXISTS (SELECT 1 FROM hosts WHERE seen_at < $1)";
    private const string ForgetDead = "DELETE FROM hosts WHERE seen_at < $1";
    private const int StrandedBatch = 2000;

    private readonly PgStorage _storage;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, PgPartitionClaim> _held = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;

    /// <param name="strandedAfter">An update unprocessed this long is taken over by any host (its own host has stopped or is far behind).</param>
    /// <param name="lockWait">How long a claim waits for another host's turn of the same person before trying again later.</param>
    public PgPartitionClaims(PgStorage storage, TimeProvider time, TimeSpan? pollInterval = null, TimeSpan? strandedAfter = null, TimeSpan? lockWait = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(time);
        (_storage, _time) = (storage, time);
        PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(500);
        StrandedAfter = strandedAfter ?? TimeSpan.FromSeconds(1);
        LockWait = lockWait ?? TimeSpan.FromSeconds(3);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval.Value, TimeSpan.Zero, nameof(pollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(StrandedAfter, TimeSpan.Zero, nameof(strandedAfter));
        ArgumentOutOfRangeException.ThrowIfLessThan(LockWait, TimeSpan.Zero, nameof(lockWait));

        // A claim holds a connection for its whole turn, and the turn reads on others: half the pool at most, so reads never starve.
        var pool = new NpgsqlConnectionStringBuilder(storage.DataSource.ConnectionString).MaxPoolSize;
        _slots = new SemaphoreSlim(Math.Max(1, pool / 2));
    }

    public TimeSpan? PollInterval { get; }

    public TimeSpan StrandedAfter { get; }

    /// <summary>A host not heard of for this long is taken for dead (three polls, at least 1.5 s; one only slow costs extra claims, never a second effect).</summary>
    public TimeSpan DeadAfter => TimeSpan.FromTicks(Math.Max(PollInterval!.Value.Ticks * 3, TimeSpan.FromSeconds(1.5).Ticks));

    /// <summary>While every host is alive, an update is taken from its host only when it waited this long (a host stuck, not dead).</summary>
    public TimeSpan LiveTakeOverAfter { get; } = TimeSpan.FromSeconds(30);

    /// <summary>This host, as the others see it in <c>hosts</c>.</summary>
    public string HostId { get; } = Guid.NewGuid().ToString("N");

    public TimeSpan LockWait { get; }

    public async Task<PartitionClaim> ClaimAsync(InboxItem head, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(head);
        await _slots.WaitAsync(cancellationToken);
        NpgsqlConnection? connection = null;
        NpgsqlTransaction? transaction = null;
        try
        {
            connection = await _storage.DataSource.OpenConnectionAsync(cancellationToken);
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            var tx = new PgTx(connection, transaction);
            var key = head.PersonKey ?? "item:" + head.Id;
            if (!await LockAsync(tx, key))
            {
                await ReleaseAsync(connection, transaction);
                return PartitionClaim.Busy();
            }

            // A statement after the lock: its snapshot sees every turn committed before the lock was granted.
            var found = head.PersonKey is { } person
                ? await tx.DocumentsAsync<InboxItem>(HeadOfPerson, person)
                : await tx.DocumentsAsync<InboxItem>(Unprocessed, head.Id);
            if (found is not [var next])
            {
                await ReleaseAsync(connection, transaction);
                return PartitionClaim.Done();
            }

            InboxItem item;
            if (next.Id == head.Id)
            {
                // The same update: keep the caller's object (it maps and marks it), with the attempts other hosts made.
                head.Attempts = Math.Max(head.Attempts, next.Attempts);
                item = head;
            }
            else
            {
                item = next;
            }

            var claim = new PgPartitionClaim(this, item, connection, transaction);
            _held[item.Id] = claim;
            return claim;
        }
        catch
        {
            if (connection is not null)
            {
                await ReleaseAsync(connection, transaction);
            }
            else
            {
                _slots.Release();
            }

            throw;
        }
    }

    /// <summary>
    /// Says this host is alive, then returns the updates left unprocessed: after <see cref="StrandedAfter"/> while a
    /// host has stopped saying so (it died: its people are taken over at once), otherwise only after
    /// <see cref="LiveTakeOverAfter"/> (a live host is left its own backlog; taking it would only add work).
    /// </summary>
    public Task<IReadOnlyList<InboxItem>> StrandedAsync(string channel, Func<string, bool> known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(known);
        var now = _time.GetUtcNow().UtcDateTime;
        _storage.Execute(Heartbeat, HostId, PgTime.Utc(now));
        var deadBefore = PgTime.Utc(now - DeadAfter);
        var someoneDied = _storage.Query(AnyDead, r => r.GetBoolean(0), deadBefore)[0];

        // Ids first (cheap), then only the updates this host does not know, with their payloads.
        var before = PgTime.Utc(now - (someoneDied ? StrandedAfter : LiveTakeOverAfter));
        var ids = _storage.Query(WaitingIds, r => r.GetString(0), channel, before, StrandedBatch).Where(id => !known(id)).ToArray();
        IReadOnlyList<InboxItem> items = ids.Length == 0 ? [] : _storage.Documents<InboxItem>(ItemsById, new object?[] { ids });
        if (someoneDied && ids.Length == 0)
        {
            // Everything the dead left is known here (or done): back to leaving live hosts their backlogs.
            _storage.Execute(ForgetDead, deadBefore);
        }

        return Task.FromResult(items);
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>The claim under which <paramref name="itemId"/> runs on this host now, if any (its turn commits in it).</summary>
    internal PgPartitionClaim? Holding(string itemId) => _held.TryGetValue(itemId, out var claim) ? claim : null;

    /// <summary>Locks a person's (or an update's) key until the end of the transaction; false when another host keeps it longer than <see cref="LockWait"/>.</summary>
    internal async Task<bool> LockAsync(PgTx tx, string key)
    {
        if (await tx.ScalarAsync(TryLock, key) is true)
        {
            return true;
        }

        try
        {
            await tx.ScalarAsync(LockWaiting, key, FormattableString.Invariant($"{(int)LockWait.TotalMilliseconds}ms"));
            await tx.ScalarAsync(NoLockTimeout);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }
    }

    internal async ValueTask ForgetAsync(PgPartitionClaim claim, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (claim.Item is { } item)
        {
            _held.TryRemove(new KeyValuePair<string, PgPartitionClaim>(item.Id, claim));
        }

        await ReleaseAsync(connection, transaction);
    }

    private async ValueTask ReleaseAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        try
        {
            // Not committed: rolled back, and the lock goes with the transaction.
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
        }
        finally
        {
            _slots.Release();
        }
    }
}
