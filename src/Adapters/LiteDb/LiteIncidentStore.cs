using System.Globalization;
using LiteDB;
using PdBot.Core.Audit;
using PdBot.Core.Incidents;
using PdBot.Core.Outbox;

namespace PdBot.Adapters.LiteDb;

/// <summary>Incidents in LiteDB; writes go through the group-commit writer (a chat report's candidate commits with its turn).</summary>
public sealed class LiteIncidentStore : IIncidentStore
{
    public const string Incidents = "incidents";

    private readonly LiteDbStorage _storage;
    private readonly LiteAuditLog _audit;
    private readonly IdSequence _ids;

    public LiteIncidentStore(LiteDbStorage storage, LiteAuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(storage);
        (_storage, _audit) = (storage, audit);
        _ids = new IdSequence(storage, Incidents);
        storage.OnRollback(_ids.Forget);
    }

    private ILiteCollection<Incident> Collection => _storage.Database.GetCollection<Incident>(Incidents);

    public long NextId() => _ids.Next();

    public long NextOutboxId() => _storage.OutboxIds.Next();

    public Incident? Find(long id) =>
        DeferredWrites.Current?.Written<Incident>(Incidents).FirstOrDefault(i => i.Id == id) ?? Collection.FindById(id);

    public IReadOnlyList<Incident> List() =>
        [.. DeferredWrites.Overlay(Incidents, Collection.FindAll(), Key, _ => true).OrderByDescending(i => i.Id)];

    public Task SaveAsync(Incident incident, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(outgoing);
        ArgumentNullException.ThrowIfNull(audit);
        if (incident.Id == 0)
        {
            incident.Id = _ids.Next();
        }

        DeferredWrites.Current?.Remember(Incidents, Key(incident), incident);
        return _storage.Writer.WriteAsync(db =>
        {
            db.GetCollection<Incident>(Incidents).Upsert(incident);
            _ids.Persist(db, incident.Id);
            LiteRequestStore.InsertOutbox(db, _storage, outgoing);
            _audit.AppendOnWriterThread(db, audit);
        });
    }

    public IReadOnlyList<OutboxMessage> OutboxMessages(IReadOnlyCollection<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var outbox = _storage.Database.GetCollection<OutboxMessage>(LiteRequestStore.Outbox);
        return [.. ids.Select(id => outbox.FindById(id)).OfType<OutboxMessage>()];
    }

    private static string Key(Incident i) => i.Id.ToString(CultureInfo.InvariantCulture);
}
