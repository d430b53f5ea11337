using PdBot.Adapters.LiteDb;
using PdBot.Core.Alerts;
using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// Alerts in PostgreSQL (the twin of <see cref="LiteAlertStore"/>): a new alert is stored with its admin-chat message and
/// audit entries in one transaction, once per key across every host (the key is unique; a raise that loses writes nothing).
/// </summary>
public sealed class PgAlertStore(PgStorage storage) : IAlertStore
{
    public const string Table = LiteAlertStore.Alerts;

    public const string Sequence = "alerts_seq";

    private const string Insert =
        "INSERT INTO alerts (id, key, acknowledged_at_utc, doc) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (key) DO NOTHING";

    private const string Update = "UPDATE alerts SET acknowledged_at_utc = $2, doc = $3::jsonb WHERE id = $1";

    public SystemAlert? Find(long id) =>
        PgTurnWrites.Current?.Written<SystemAlert>(Table).FirstOrDefault(a => a.Id == id)
        ?? storage.Documents<SystemAlert>("SELECT doc FROM alerts WHERE id = $1", id).FirstOrDefault();

    public SystemAlert? FindByKey(string key) =>
        PgTurnWrites.Current?.Written<SystemAlert>(Table).FirstOrDefault(a => a.Key == key)
        ?? storage.Documents<SystemAlert>("SELECT doc FROM alerts WHERE key = $1", key).FirstOrDefault();

    public IReadOnlyList<SystemAlert> Open() =>
        storage.Documents<SystemAlert>("SELECT doc FROM alerts WHERE acknowledged_at_utc IS NULL ORDER BY id DESC");

    public Task AddAsync(SystemAlert alert, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(outgoing);
        ArgumentNullException.ThrowIfNull(audit);
        alert.Id = storage.NextId(Sequence);
        PgTurnWrites.Current?.Remember(Table, Key(alert), alert);
        return storage.WriteAsync(async tx =>
        {
            // The audit head first, as every append takes it: a raise waiting on another's uncommitted key then never
            // holds the head that one needs.
            await tx.ExecuteAsync("SELECT 1 FROM audit_head WHERE id = 1 FOR UPDATE");

            // Another host's or a retried batch's alert with the same key wins: nothing is said twice.
            if (await InsertAsync(tx, alert) == 0)
            {
                return;
            }

            await PgRequestStore.InsertOutboxAsync(tx, outgoing);
            await PgAuditLog.AppendInAsync(tx, audit);
        }, cancellationToken);
    }

    public Task SaveAsync(SystemAlert alert, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(audit);
        PgTurnWrites.Current?.Remember(Table, Key(alert), alert);
        return storage.WriteAsync(async tx =>
        {
            await tx.ExecuteAsync(Update, alert.Id, alert.AcknowledgedAtUtc, PgDocuments.ToJson(alert));
            await PgAuditLog.AppendInAsync(tx, audit);
        }, cancellationToken);
    }

    /// <summary>Stores the alert unless one with its key is stored; returns the rows written (0 or 1).</summary>
    internal static Task<int> InsertAsync(PgTx tx, SystemAlert alert) =>
        tx.ExecuteAsync(Insert, alert.Id, alert.Key, alert.AcknowledgedAtUtc, PgDocuments.ToJson(alert));

    private static string Key(SystemAlert a) => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
