using LiteDB;
using PdBot.Core.Alerts;
using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Adapters.LiteDb;

/// <summary>Alerts in LiteDB; writes go through the group-commit writer with their admin-chat message and audit entries.</summary>
public sealed class LiteAlertStore : IAlertStore
{
    public const string Alerts = "alerts";

    private readonly LiteDbStorage _storage;
    private readonly LiteAuditLog _audit;
    private readonly IdSequence _ids;

    public LiteAlertStore(LiteDbStorage storage, LiteAuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(storage);
        (_storage, _audit) = (storage, audit);
        _ids = new IdSequence(storage, Alerts);
        storage.OnRollback(_ids.Forget);
        Collection.EnsureIndex(a => a.Key);
        Collection.EnsureIndex(a => a.AcknowledgedAtUtc);
    }

    private ILiteCollection<SystemAlert> Collection => _storage.Database.GetCollection<SystemAlert>(Alerts);

    public SystemAlert? Find(long id) =>
        DeferredWrites.Current?.Written<SystemAlert>(Alerts).FirstOrDefault(a => a.Id == id) ?? Collection.FindById(id);

    public SystemAlert? FindByKey(string key) =>
        DeferredWrites.Current?.Written<SystemAlert>(Alerts).FirstOrDefault(a => a.Key == key)
        ?? Collection.FindOne(BsonExpression.Create("$.Key = @0", key));

    public IReadOnlyList<SystemAlert> Open() =>
        [.. Collection.Find(BsonExpression.Create("$.AcknowledgedAtUtc = null")).OrderByDescending(a => a.Id)];

    public Task AddAsync(SystemAlert alert, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(outgoing);
        ArgumentNullException.ThrowIfNull(audit);
        alert.Id = _ids.Next();
        DeferredWrites.Current?.Remember(Alerts, Key(alert), alert);
        return _storage.Writer.WriteAsync(db =>
        {
            // Another process's or a retried batch's alert with the same key wins: nothing is said twice.
            var alerts = db.GetCollection<SystemAlert>(Alerts);
            if (alerts.Exists(BsonExpression.Create("$.Key = @0", alert.Key)))
            {
                return;
            }

            alerts.Insert(alert);
            _ids.Persist(db, alert.Id);
            LiteRequestStore.InsertOutbox(db, _storage, outgoing);
            _audit.AppendOnWriterThread(db, audit);
        });
    }

    public Task SaveAsync(SystemAlert alert, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(audit);
        DeferredWrites.Current?.Remember(Alerts, Key(alert), alert);
        return _storage.Writer.WriteAsync(db =>
        {
            db.GetCollection<SystemAlert>(Alerts).Update(alert);
            _audit.AppendOnWriterThread(db, audit);
        });
    }

    private static string Key(SystemAlert a) => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
