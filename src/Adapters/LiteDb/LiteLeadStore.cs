using LiteDB;
using PdBot.Core.Audit;
using PdBot.Core.Leads;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Adapters.LiteDb;

/// <summary>Consultation requests in LiteDB; writes go through the group-commit writer (a turn's writes commit with the turn).</summary>
public sealed class LiteLeadStore : ILeadStore, IPersonDataEraser
{
    public const string Leads = "leads";

    private readonly LiteDbStorage _storage;
    private readonly LiteAuditLog _audit;
    private readonly IdSequence _ids;
    private readonly TimeProvider _time;

    public LiteLeadStore(LiteDbStorage storage, LiteAuditLog audit, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(storage);
        (_storage, _audit, _time) = (storage, audit, time);
        _ids = new IdSequence(storage, Leads);
        storage.OnRollback(_ids.Forget);
        Collection.EnsureIndex(l => l.PersonId);
        Collection.EnsureIndex(l => l.State);
    }

    private ILiteCollection<Lead> Collection => _storage.Database.GetCollection<Lead>(Leads);

    public long NextId() => _ids.Next();

    public Lead? Find(long id) =>
        DeferredWrites.Current?.Written<Lead>(Leads).FirstOrDefault(l => l.Id == id) is { } written
            ? (Deleted(written) ? null : written)
            : Collection.FindById(id);

    public IReadOnlyList<Lead> OfPerson(string personId) =>
        [.. DeferredWrites.Overlay(Leads, Collection.Find(BsonExpression.Create("$.PersonId = @0", personId)), Key, l => l.PersonId == personId)
            .Where(l => !Deleted(l)).OrderByDescending(l => l.Id)];

    public IReadOnlyList<Lead> List(LeadState? state) =>
        [.. (state is { } s ? Collection.Find(BsonExpression.Create("$.State = @0", s.ToString())) : Collection.FindAll())
            .Where(l => l.State != LeadState.Filling).OrderByDescending(l => l.Id)];

    public IReadOnlyList<Lead> WithPersonalData() =>
        [.. Collection.Find(BsonExpression.Create("$.DestroyedAtUtc = null")).OrderBy(l => l.Id)];

    public Task SaveAsync(Lead lead, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(outgoing);
        ArgumentNullException.ThrowIfNull(audit);
        if (lead.Id == 0)
        {
            lead.Id = _ids.Next();
        }

        DeferredWrites.Current?.Remember(Leads, Key(lead), lead);
        return _storage.Writer.WriteAsync(db =>
        {
            db.GetCollection<Lead>(Leads).Upsert(lead);
            _ids.Persist(db, lead.Id);
            LiteRequestStore.InsertOutbox(db, _storage, outgoing);
            _audit.AppendOnWriterThread(db, audit);
        });
    }

    public Task DeleteAsync(Lead lead, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(audit);

        // Later reads in the same turn must not find it: a deleted draft is remembered as gone.
        DeferredWrites.Current?.Remember(Leads, Key(lead), new Lead { Id = lead.Id, PersonId = lead.PersonId, Channel = DeletedMark });
        return _storage.Writer.WriteAsync(db =>
        {
            db.GetCollection<Lead>(Leads).Delete(lead.Id);
            _audit.AppendOnWriterThread(db, audit);
        });
    }

    /// <summary>The person's requests lose their personal data (whatever else a contract keeps); unsent forms go.</summary>
    public void EraseOnWriterThread(LiteDatabase db, PersonErasure erasure)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(erasure);
        var leads = db.GetCollection<Lead>(Leads);
        var now = _time.GetUtcNow().UtcDateTime;
        foreach (var lead in leads.Find(BsonExpression.Create("$.PersonId = @0", erasure.PersonId)).ToList())
        {
            if (lead.State == LeadState.Filling)
            {
                leads.Delete(lead.Id);
                continue;
            }

            lead.DestroyWithPerson(now);

            leads.Update(lead);
        }
    }

    private const string DeletedMark = "(deleted)";

    private static bool Deleted(Lead l) => l.Channel == DeletedMark;

    private static string Key(Lead l) => l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
