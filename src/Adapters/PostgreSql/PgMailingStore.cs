using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;
using PdBot.Core.Mailings;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// Mailings and their delivery ledgers in PostgreSQL (the twin of <see cref="LiteMailingStore"/>). A ledger row is keyed
/// by mailing and person, so hosts adding the same audience at once store each person's delivery once.
/// </summary>
public sealed class PgMailingStore(PgStorage storage) : IMailingStore, IPgCopyTarget
{
    public const string Mailings = LiteMailingStore.Mailings;
    public const string Ledger = LiteMailingStore.Ledger;

    private const string UpsertMailing = """
        INSERT INTO mailings (id, state, doc) VALUES ($1, $2, $3::jsonb)
        ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, doc = EXCLUDED.doc
        """;

    // Rows as parallel arrays: one statement for a whole audience.
    private const string LedgerRows = "SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::jsonb[])";

    // A row already stored (by id, or the same person in the same mailing) is left as it is.
    private const string InsertNewRows = "INSERT INTO mailing_ledger (id, mailing_id, person_id, state, doc) " + LedgerRows + " ON CONFLICT DO NOTHING";

    private const string UpsertRows = "INSERT INTO mailing_ledger (id, mailing_id, person_id, state, doc) " + LedgerRows
        + " ON CONFLICT (id) DO UPDATE SET mailing_id = EXCLUDED.mailing_id, person_id = EXCLUDED.person_id, state = EXCLUDED.state, doc = EXCLUDED.doc";

    public long NextId() => storage.NextId("mailings_seq");

    public Task AddAsync(Mailing mailing, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        ArgumentNullException.ThrowIfNull(entries);
        if (mailing.Id <= 0)
        {
            mailing.Id = NextId();
        }

        return storage.WriteAsync(async tx =>
        {
            await tx.ExecuteAsync("INSERT INTO mailings (id, state, doc) VALUES ($1, $2, $3::jsonb)", mailing.Id, mailing.State.ToString(), PgDocuments.ToJson(mailing));
            await PgAuditLog.AppendInAsync(tx, entries);
        }, cancellationToken);
    }

    public Task SaveAsync(Mailing mailing, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        ArgumentNullException.ThrowIfNull(entries);
        return storage.WriteAsync(async tx =>
        {
            await WriteMailingAsync(tx, mailing);
            await PgAuditLog.AppendInAsync(tx, entries);
        }, cancellationToken);
    }

    public Mailing? Find(long id) => storage.Documents<Mailing>("SELECT doc FROM mailings WHERE id = $1", id).FirstOrDefault();

    public IReadOnlyList<Mailing> All() => storage.Documents<Mailing>("SELECT doc FROM mailings ORDER BY id DESC");

    public IReadOnlyList<Mailing> InStates(params MailingState[] states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return storage.Documents<Mailing>("SELECT doc FROM mailings WHERE state = ANY($1) ORDER BY id", (object)states.Select(s => s.ToString()).Distinct().ToArray());
    }

    public Task AddDeliveriesAsync(Mailing mailing, IReadOnlyList<MailingDelivery> rows, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(entries);
        return storage.WriteAsync(async tx =>
        {
            // A row given twice counts once, the first, as LiteDB's insert-if-missing keeps it.
            await WriteRowsAsync(tx, InsertNewRows, rows.DistinctBy(r => r.Id, StringComparer.Ordinal));
            await WriteMailingAsync(tx, mailing);
            await PgAuditLog.AppendInAsync(tx, entries);
        }, cancellationToken);
    }

    public Task SaveDeliveriesAsync(IReadOnlyList<MailingDelivery> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Count == 0 ? Task.CompletedTask : storage.WriteAsync(tx => WriteRowsAsync(tx, UpsertRows, LastOfEach(rows)), cancellationToken);
    }

    public IReadOnlyList<MailingDelivery> Deliveries(long mailingId, MailingDeliveryState? state = null)
    {
        var rows = state is { } s
            ? storage.Documents<MailingDelivery>("SELECT doc FROM mailing_ledger WHERE mailing_id = $1 AND state = $2", mailingId, s.ToString())
            : storage.Documents<MailingDelivery>("SELECT doc FROM mailing_ledger WHERE mailing_id = $1", mailingId);

        // Ordinal, as LiteDB orders the ids and as the ledger's hash reads them, whatever the database's collation.
        return [.. rows.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    public MailingDelivery? FindDelivery(long mailingId, string personId) =>
        storage.Documents<MailingDelivery>("SELECT doc FROM mailing_ledger WHERE id = $1", MailingDelivery.MakeId(mailingId, personId)).FirstOrDefault();

    public IReadOnlyList<MailingDelivery> DeliveriesOfPerson(string personId) =>
        storage.Documents<MailingDelivery>("SELECT doc FROM mailing_ledger WHERE person_id = $1 ORDER BY mailing_id", personId);

    public IReadOnlyDictionary<string, string?> Tables { get; } = new Dictionary<string, string?>
    {
        [Mailings] = "mailings",
        [Ledger] = "mailing_ledger",
    };

    public async Task CopyAsync(LiteDatabase source, PgTx tx)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tx);
        var mailings = PgPurposeCopy.All<Mailing>(source, Mailings);
        foreach (var (m, json) in mailings)
        {
            await WriteMailingAsync(tx, m, json);
        }

        await WriteRowsAsync(tx, UpsertRows, PgPurposeCopy.All<MailingDelivery>(source, Ledger));

        // LiteDB numbers mailings from the largest stored id (no sequence entry).
        await PgPurposeCopy.SetSequenceAsync(source, tx, "mailings_seq", null, mailings.Select(m => m.Entity.Id).DefaultIfEmpty().Max());
    }

    private static Task<int> WriteMailingAsync(PgTx tx, Mailing m, string? json = null) =>
        tx.ExecuteAsync(UpsertMailing, m.Id, m.State.ToString(), json ?? PgDocuments.ToJson(m));

    /// <summary>
    /// One statement for all rows, in id order: hosts writing the same rows at once take their keys in the same order,
    /// so one waits for the other instead of both deadlocking.
    /// </summary>
    private static Task WriteRowsAsync(PgTx tx, string sql, IEnumerable<MailingDelivery> given) =>
        WriteRowsAsync(tx, sql, [.. given.Select(r => (r, PgDocuments.ToJson(r)))]);

    private static Task WriteRowsAsync(PgTx tx, string sql, List<(MailingDelivery Row, string Json)> given)
    {
        if (given.Count == 0)
        {
            return Task.CompletedTask;
        }

        var rows = given.OrderBy(r => r.Row.Id, StringComparer.Ordinal).ToList();
        return tx.ExecuteAsync(
            sql,
            rows.Select(r => r.Row.Id).ToArray(),
            rows.Select(r => r.Row.MailingId).ToArray(),
            rows.Select(r => r.Row.PersonId).ToArray(),
            rows.Select(r => r.Row.State.ToString()).ToArray(),
            rows.Select(r => r.Json).ToArray());
    }

    // An upsert statement may touch a row once: a row saved twice in one call keeps its last version, as LiteDB's upsert does.
    private static IEnumerable<MailingDelivery> LastOfEach(IReadOnlyList<MailingDelivery> rows) =>
        rows.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.Last());
}
