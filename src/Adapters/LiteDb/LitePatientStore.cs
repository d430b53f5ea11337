using LiteDB;
using PdBot.Core.Audit;
using PdBot.Core.Outbox;
using PdBot.Core.Patients;
using PdBot.Core.Requests;

namespace PdBot.Adapters.LiteDb;

/// <summary>Patient links, bindings, notifications and callbacks in LiteDB; writes go through the group-commit writer.</summary>
public sealed class LitePatientStore : IPatientStore, IPersonDataEraser
{
    public const string Links = "patient_links";
    public const string Bindings = "patient_bindings";
    public const string Notifications = "patient_notifications";
    public const string Callbacks = "patient_callbacks";

    private readonly LiteDbStorage _storage;
    private readonly LiteAuditLog _audit;
    private readonly IdSequence _notificationIds;
    private readonly IdSequence _callbackIds;

    public LitePatientStore(LiteDbStorage storage, LiteAuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(storage);
        (_storage, _audit) = (storage, audit);
        _notificationIds = new IdSequence(storage, Notifications);
        _callbackIds = new IdSequence(storage, Callbacks);
        storage.OnRollback(_notificationIds.Forget);
        storage.OnRollback(_callbackIds.Forget);
        var db = storage.Database;
        db.GetCollection<PatientLink>(Links).EnsureIndex(l => l.ExternalId);
        db.GetCollection<PatientLink>(Links).EnsureIndex(l => l.PendingPersonId);
        db.GetCollection<PatientBinding>(Bindings).EnsureIndex(b => b.PersonId);
        db.GetCollection<PatientNotification>(Notifications).EnsureIndex(n => n.PersonId);
        db.GetCollection<PatientCallback>(Callbacks).EnsureIndex(c => c.DeliveredAtUtc);
    }

    private LiteDatabase Db => _storage.Database;

    public PatientLink? FindLink(string codeHash) => Db.GetCollection<PatientLink>(Links).FindById(codeHash);

    public Task AddLinkAsync(PatientLink link, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(audit);
        return _storage.Writer.WriteAsync(db =>
        {
            var links = db.GetCollection<PatientLink>(Links);
            links.DeleteMany(BsonExpression.Create("$.ExternalId = @0 AND $.UsedAtUtc = null", link.ExternalId));
            links.Insert(link);
            _audit.AppendOnWriterThread(db, audit);
        });
    }

    public Task SaveLinkAsync(PatientLink link, CancellationToken cancellationToken = default) =>
        _storage.Writer.WriteAsync(db => db.GetCollection<PatientLink>(Links).Upsert(link));

    public PatientLink? PendingOf(string personId) =>
        Db.GetCollection<PatientLink>(Links).Find(BsonExpression.Create("$.PendingPersonId = @0", personId))
            .Where(l => l.UsedAtUtc is null).OrderByDescending(l => l.CreatedAtUtc).FirstOrDefault();

    public PatientBinding? Binding(string externalId) => Db.GetCollection<PatientBinding>(Bindings).FindById(externalId);

    public PatientBinding? BindingOf(string personId) =>
        Db.GetCollection<PatientBinding>(Bindings).FindOne(BsonExpression.Create("$.PersonId = @0", personId));

    public Task BindAsync(PatientBinding binding, PatientLink link, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(audit);
        return _storage.Writer.WriteAsync(db =>
        {
            var bindings = db.GetCollection<PatientBinding>(Bindings);

            // One patient id per person and one person per patient id.
            bindings.DeleteMany(BsonExpression.Create("$.PersonId = @0", binding.PersonId));
            bindings.Upsert(binding);
            db.GetCollection<PatientLink>(Links).Upsert(link);
            _audit.AppendOnWriterThread(db, audit);
        });
    }

    public long NextNotificationId() => _notificationIds.Next();

    public PatientNotification? FindNotification(long id) => Db.GetCollection<PatientNotification>(Notifications).FindById(id);

    public IReadOnlyList<PatientNotification> NotificationsOf(string personId) =>
        [.. Db.GetCollection<PatientNotification>(Notifications).Find(BsonExpression.Create("$.PersonId = @0", personId)).OrderBy(n => n.Id)];

    public Task AddNotificationAsync(PatientNotification notification, OutboxMessage message, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(audit);
        return _storage.Writer.WriteAsync(db =>
        {
            db.GetCollection<PatientNotification>(Notifications).Insert(notification);
            _notificationIds.Persist(db, notification.Id);
            LiteRequestStore.InsertOutbox(db, _storage, [message]);
            _audit.AppendOnWriterThread(db, audit);
        });
    }

    public Task AddCallbackAsync(PatientNotification? answered, PatientCallback callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (callback.Id == 0)
        {
            callback.Id = _callbackIds.Next();
        }

        return _storage.Writer.WriteAsync(db =>
        {
            if (answered is not null)
            {
                db.GetCollection<PatientNotification>(Notifications).Upsert(answered);
            }

            db.GetCollection<PatientCallback>(Callbacks).Insert(callback);
            _callbackIds.Persist(db, callback.Id);
        });
    }

    public IReadOnlyList<PatientCallback> DueCallbacks(DateTime nowUtc, int max) =>
        [.. Db.GetCollection<PatientCallback>(Callbacks).Find(BsonExpression.Create("$.DeliveredAtUtc = null"))
            .Where(c => c.NextAttemptAtUtc <= nowUtc).OrderBy(c => c.Id).Take(max)];

    public Task SaveCallbackAsync(PatientCallback callback, CancellationToken cancellationToken = default) =>
        _storage.Writer.WriteAsync(db => db.GetCollection<PatientCallback>(Callbacks).Upsert(callback));

    /// <summary>Destruction: the binding, the links the person opened, notification texts and answers not yet delivered go.</summary>
    public void EraseOnWriterThread(LiteDatabase db, PersonErasure erasure)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(erasure);
        if (!erasure.Identifiers)
        {
            return;
        }

        var id = erasure.PersonId;
        db.GetCollection<PatientBinding>(Bindings).DeleteMany(BsonExpression.Create("$.PersonId = @0", id));
        db.GetCollection<PatientLink>(Links).DeleteMany(BsonExpression.Create("$.PendingPersonId = @0", id));
        db.GetCollection<PatientNotification>(Notifications).DeleteMany(BsonExpression.Create("$.PersonId = @0", id));
        db.GetCollection<PatientCallback>(Callbacks).DeleteMany(BsonExpression.Create("$.PersonId = @0", id));
    }
}
