using PdBot.Adapters.LiteDb;
using PdBot.Core.Inbox;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// The inbox in PostgreSQL (the twin of <see cref="LiteInbox"/>): the insert is the dedupe (primary key = platform
/// update id, <c>ON CONFLICT DO NOTHING</c>), so of two hosts storing the same update at once exactly one adds it.
/// Processed items are stored without their payload (<see cref="InboxItem.Stripped"/>); a person's erasure removes
/// their items. Unprocessed items are indexed by person_key, the partition a host claims.
/// </summary>
public sealed class PgInbox(PgStorage storage) : IInbox, IPgPersonDataEraser
{
    public const string Table = "inbox";
    public const string Cursors = "cursors";

    /// <summary>The columns of a row, in the order of <see cref="Row"/>.</summary>
    private const string Columns = "id, channel, person_key, received_at, processed_at, set_aside, has_payload, doc";

    private const string Insert = $"INSERT INTO inbox ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) ON CONFLICT (id) DO NOTHING";

    private const string Update =
        "UPDATE inbox SET channel = $2, person_key = $3, received_at = $4, processed_at = $5, set_aside = $6, has_payload = $7, doc = $8::jsonb WHERE id = $1";

    /// <summary>One person's unprocessed items, oldest first ($1 = person_key): what a host claiming the person processes.</summary>
    public const string UnprocessedOfPersonSql =
        "SELECT doc FROM inbox WHERE person_key = $1 AND processed_at IS NULL ORDER BY received_at, id";

    /// <summary>The person_keys of a channel ($1) with unprocessed items, the one waiting longest first.</summary>
    public const string PersonKeysWithUnprocessedSql =
        "SELECT person_key FROM inbox WHERE channel = $1 AND processed_at IS NULL AND person_key IS NOT NULL GROUP BY person_key ORDER BY min(received_at), person_key";

    public async Task<bool> TryAddAsync(InboxItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);

        // Stored before the platform is told "ok", even inside a turn: one statement, committed on its own.
        await using var connection = await storage.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = PgTx.Command(connection, null, Insert, Row(item));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public IReadOnlyList<InboxItem> Unprocessed(string channel) =>
        storage.Documents<InboxItem>("SELECT doc FROM inbox WHERE channel = $1 AND processed_at IS NULL ORDER BY received_at, id", channel);

    /// <summary>One person's unprocessed items, oldest first (the partition "{channel}:{user}").</summary>
    public IReadOnlyList<InboxItem> UnprocessedOf(string personKey) => storage.Documents<InboxItem>(UnprocessedOfPersonSql, personKey);

    /// <summary>The people of <paramref name="channel"/> with unprocessed items (their person_keys), the one waiting longest first.</summary>
    public IReadOnlyList<string> PersonKeysWithUnprocessed(string channel) =>
        storage.Query(PersonKeysWithUnprocessedSql, r => r.GetString(0), channel);

    /// <summary>
    /// Deletes processed updates received before <paramref name="beforeUtc"/>, and strips the payload of processed
    /// updates that still hold one (stored before payloads were dropped on processing), as the LiteDB store does.
    /// </summary>
    public async Task<int> SweepAsync(DateTime beforeUtc, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        await storage.CommitNowAsync(async tx =>
        {
            var before = PgTime.Utc(beforeUtc);
            deleted = await tx.ExecuteAsync("DELETE FROM inbox WHERE processed_at IS NOT NULL AND received_at < $1", before);
            var holding = await tx.DocumentsAsync<InboxItem>(
                "SELECT doc FROM inbox WHERE processed_at IS NOT NULL AND received_at >= $1 AND has_payload AND NOT set_aside FOR UPDATE", before);
            foreach (var item in holding)
            {
                await UpdateAsync(tx, item.Stripped());
            }
        }, cancellationToken);
        return deleted;
    }

    /// <summary>
    /// Inside the erasure's transaction. With the identifiers every stored update of the person goes (their key, and
    /// for items stored before the key was kept, the sender in the payload); without them their processed updates lose
    /// the payload still held, and unprocessed ones stay to be processed. Runs before the person's platform ids are blanked.
    /// </summary>
    public async Task EraseAsync(PgTx tx, PersonErasure erasure)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(erasure);
        var people = await tx.DocumentsAsync<Person>("SELECT doc FROM people WHERE id = $1", erasure.PersonId);
        if (people is not [{ PlatformUserId.Length: > 0 } person])
        {
            return;
        }

        var theirs = await tx.DocumentsAsync<InboxItem>("SELECT doc FROM inbox WHERE person_key = $1 FOR UPDATE", person.Key);

        // The cheap text test in SQL, the exact sender test (InboxSender) here.
        var keyless = await tx.DocumentsAsync<InboxItem>(
            "SELECT doc FROM inbox WHERE channel = $1 AND person_key IS NULL AND has_payload AND strpos(doc->>'Payload', $2) > 0 FOR UPDATE",
            person.Channel, person.PlatformUserId);
        foreach (var item in theirs.Concat(keyless.Where(i => InboxSender.Is(i.Payload, person.PlatformUserId))))
        {
            if (erasure.Identifiers)
            {
                await tx.ExecuteAsync("DELETE FROM inbox WHERE id = $1", item.Id);
            }
            else if (item.ProcessedAtUtc is not null && item.Payload.Length > 0)
            {
                item.SetAside = false;
                await UpdateAsync(tx, item.Stripped());
            }
        }
    }

    public string? GetCursor(string channel) =>
        storage.Query("SELECT value FROM cursors WHERE id = $1", r => r.GetString(0), channel) is [var value] ? value : null;

    public Task SetCursorAsync(string channel, string value, CancellationToken cancellationToken = default) =>
        storage.WriteAsync(tx => SetCursorAsync(tx, channel, value), cancellationToken);

    public Task MarkFailedAsync(InboxItem item, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.Attempts++;
        item.LastError = error;
        return storage.WriteAsync(tx => UpdateAsync(tx, item), cancellationToken);
    }

    /// <summary>Inserts the item as it is unless its id is stored already; true when it was added.</summary>
    public static async Task<bool> InsertAsync(PgTx tx, InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return await tx.ExecuteAsync(Insert, Row(item)) == 1;
    }

    /// <summary>
    /// Stores the item as it is over its row, inside the caller's transaction (a turn marking it processed passes
    /// <see cref="InboxItem.Stripped"/>); an item erased meanwhile stays erased.
    /// </summary>
    public static Task UpdateAsync(PgTx tx, InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return tx.ExecuteAsync(Update, Row(item));
    }

    /// <summary>Stores a channel's cursor inside the caller's transaction.</summary>
    public static Task SetCursorAsync(PgTx tx, string channel, string value)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return tx.ExecuteAsync("INSERT INTO cursors (id, value) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET value = excluded.value", channel, value);
    }

    private static object?[] Row(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return [item.Id, item.Channel, item.PersonKey, PgTime.Utc(item.ReceivedAtUtc), PgTime.Utc(item.ProcessedAtUtc), item.SetAside, item.Payload.Length > 0, PgDocuments.ToJson(item)];
    }
}
