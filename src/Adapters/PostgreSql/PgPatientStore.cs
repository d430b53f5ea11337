using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;
using PdBot.Core.Outbox;
using PdBot.Core.Patients;
using PdBot.Core.Requests;

namespace PdBot.Adapters.PostgreSql;

/// <summary>Patient links, bindings, notifications and callbacks in PostgreSQL (the twin of <see cref="LitePatientStore"/>).</summary>
public sealed class PgPatientStore(PgStorage storage) : IPatientStore, IPgPersonDataEraser, IPgCopyTarget
{
    public const string Links = LitePatientStore.Links;
    public const string Bindings = LitePatientStore.Bindings;
    public const string Notifications = LitePatientStore.Notifications;
    public const string Callbacks = LitePatientStore.Callbacks;

    private const string UpsertLink = """
        INSERT INTO patient_links (id, external_id, person_id, used_at_utc, doc) VALUES ($1, $2, $3, $4, $5::jsonb)
        ON CONFLICT (id) DO UPDATE SET external_id = EXCLUDED.external_id, person_id = EXCLUDED.person_id, used_at_utc = EXCLUDED.used_at_utc, doc = EXCLUDED.doc
        """;

    private const string UpsertBinding = """
        INSERT INTO patient_bindings (id, person_id, doc) VALUES ($1, $2, $3::jsonb)
        ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, doc = EXCLUDED.doc
        """;

    private const string UpsertNotification = """
        INSERT INTO patient_notifications (id, person_id, doc) VALUES ($1, $2, $3::jsonb)
        ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, doc = EXCLUDED.doc
        """;

    private const string UpsertCallback = """
        INSERT INTO patient_callbacks (id, person_id, next_attempt_at_utc, delivered_at_utc, doc) VALUES ($1, $2, $3, $4, $5::jsonb)
        ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, next_attempt_at_utc = EXCLUDED.next_attempt_at_utc,
            delivered_at_utc = EXCLUDED.delivered_at_utc, doc = EXCLUDED.doc
        """;

    public PatientLink? FindLink(string codeHash) => storage.Documents<PatientLink>("SELECT doc FROM patient_links WHERE id = $1", codeHash).FirstOrDefault();

    public Task AddLinkAsync(PatientLink link, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(audit);
        return storage.WriteAsync(async tx =>
        {
            await tx.ExecuteAsync("DELETE FROM patient_links WHERE external_id = $1 AND used_at_utc IS NULL", link.ExternalId);

            // An insert, as in LiteDB: a link with the same code hash fails the write instead of replacing it.
            await tx.ExecuteAsync(
                "INSERT INTO patient_links (id, external_id, person_id, used_at_utc, doc) VALUES ($1, $2, $3, $4, $5::jsonb)", LinkRow(link));
            await PgAuditLog.AppendInAsync(tx, audit);
        }, cancellationToken);
    }

    public Task SaveLinkAsync(PatientLink link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        return storage.WriteAsync(tx => tx.ExecuteAsync(UpsertLink, LinkRow(link)), cancellationToken);
    }

    public PatientLink? PendingOf(string personId) =>
        storage.Documents<PatientLink>("SELECT doc FROM patient_links WHERE person_id = $1 AND used_at_utc IS NULL ORDER BY id", personId)
            .OrderByDescending(l => l.CreatedAtUtc).FirstOrDefault();

    public PatientBinding? Binding(string externalId) =>
        storage.Documents<PatientBinding>("SELECT doc FROM patient_bindings WHERE id = $1", externalId).FirstOrDefault();

    public PatientBinding? BindingOf(string personId) =>
        storage.Documents<PatientBinding>("SELECT doc FROM patient_bindings WHERE person_id = $1 ORDER BY id LIMIT 1", personId).FirstOrDefault();

    public Task BindAsync(PatientBinding binding, PatientLink link, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(audit);
        return storage.WriteAsync(async tx =>
        {
            // One patient id per person and one person per patient id.
            await tx.ExecuteAsync("DELETE FROM patient_bindings WHERE person_id = $1", binding.PersonId);
            await WriteBindingAsync(tx, binding);
            await tx.ExecuteAsync(UpsertLink, LinkRow(link));
            await PgAuditLog.AppendInAsync(tx, audit);
        }, cancellationToken);
    }

    public long NextNotificationId() => storage.NextId("patient_notifications_seq");

    public PatientNotification? FindNotification(long id) =>
        storage.Documents<PatientNotification>("SELECT doc FROM patient_notifications WHERE id = $1", id).FirstOrDefault();

    public IReadOnlyList<PatientNotification> NotificationsOf(string personId) =>
        storage.Documents<PatientNotification>("SELECT doc FROM patient_notifications WHERE person_id = $1 ORDER BY id", personId);

    public Task AddNotificationAsync(PatientNotification notification, OutboxMessage message, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(audit);
        return storage.WriteAsync(async tx =>
        {
            await tx.ExecuteAsync(
                "INSERT INTO patient_notifications (id, person_id, doc) VALUES ($1, $2, $3::jsonb)",
                notification.Id, notification.PersonId, PgDocuments.ToJson(notification));
            await PgRequestStore.InsertOutboxAsync(tx, [message]);
            await PgAuditLog.AppendInAsync(tx, audit);
        }, cancellationToken);
    }

    public Task AddCallbackAsync(PatientNotification? answered, PatientCallback callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (callback.Id == 0)
        {
            callback.Id = storage.NextId("patient_callbacks_seq");
        }

        return storage.WriteAsync(async tx =>
        {
            if (answered is not null)
            {
                await WriteNotificationAsync(tx, answered);
            }

            await tx.ExecuteAsync(
                "INSERT INTO patient_callbacks (id, person_id, next_attempt_at_utc, delivered_at_utc, doc) VALUES ($1, $2, $3, $4, $5::jsonb)", CallbackRow(callback));
        }, cancellationToken);
    }

    public IReadOnlyList<PatientCallback> DueCallbacks(DateTime nowUtc, int max) => storage.Documents<PatientCallback>(
        "SELECT doc FROM patient_callbacks WHERE delivered_at_utc IS NULL AND next_attempt_at_utc <= $1 ORDER BY id LIMIT $2", PgTime.Utc(nowUtc), Math.Max(max, 0));

    public Task SaveCallbackAsync(PatientCallback callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return storage.WriteAsync(tx => tx.ExecuteAsync(UpsertCallback, CallbackRow(callback)), cancellationToken);
    }

    /// <summary>Destruction: the binding, the links the person opened, notification texts and answers not yet delivered go.</summary>
    public async Task EraseAsync(PgTx tx, PersonErasure erasure)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(erasure);
        if (!erasure.Identifiers)
        {
            return;
        }

        var id = erasure.PersonId;
        await tx.ExecuteAsync("DELETE FROM patient_bindings WHERE person_id = $1", id);
        await tx.ExecuteAsync("DELETE FROM patient_links WHERE person_id = $1", id);
        await tx.ExecuteAsync("DELETE FROM patient_notifications WHERE person_id = $1", id);
        await tx.ExecuteAsync("DELETE FROM patient_callbacks WHERE person_id = $1", id);
    }

    public IReadOnlyDictionary<string, string?> Tables { get; } = new Dictionary<string, string?>
    {
        [Links] = "patient_links",
        [Bindings] = "patient_bindings",
        [Notifications] = "patient_notifications",
        [Callbacks] = "patient_callbacks",
    };

    public async Task CopyAsync(LiteDatabase source, PgTx tx)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tx);
        foreach (var (link, json) in PgPurposeCopy.All<PatientLink>(source, Links))
        {
            await tx.ExecuteAsync(UpsertLink, LinkRow(link, json));
        }

        foreach (var (binding, json) in PgPurposeCopy.All<PatientBinding>(source, Bindings))
        {
            await WriteBindingAsync(tx, binding, json);
        }

        var notifications = PgPurposeCopy.All<PatientNotification>(source, Notifications);
        foreach (var (n, json) in notifications)
        {
            await WriteNotificationAsync(tx, n, json);
        }

        var callbacks = PgPurposeCopy.All<PatientCallback>(source, Callbacks);
        foreach (var (c, json) in callbacks)
        {
            await tx.ExecuteAsync(UpsertCallback, CallbackRow(c, json));
        }

        await PgPurposeCopy.SetSequenceAsync(source, tx, "patient_notifications_seq", Notifications, notifications.Select(n => n.Entity.Id).DefaultIfEmpty().Max());
        await PgPurposeCopy.SetSequenceAsync(source, tx, "patient_callbacks_seq", Callbacks, callbacks.Select(c => c.Entity.Id).DefaultIfEmpty().Max());
    }

    private static object?[] LinkRow(PatientLink l, string? json = null) =>
        [l.Id, l.ExternalId, l.PendingPersonId, PgTime.Utc(l.UsedAtUtc), json ?? PgDocuments.ToJson(l)];

    private static object?[] CallbackRow(PatientCallback c, string? json = null) =>
        [c.Id, c.PersonId, PgTime.Utc(c.NextAttemptAtUtc), PgTime.Utc(c.DeliveredAtUtc), json ?? PgDocuments.ToJson(c)];

    private static Task<int> WriteBindingAsync(PgTx tx, PatientBinding b, string? json = null) =>
        tx.ExecuteAsync(UpsertBinding, b.Id, b.PersonId, json ?? PgDocuments.ToJson(b));

    private static Task<int> WriteNotificationAsync(PgTx tx, PatientNotification n, string? json = null) =>
        tx.ExecuteAsync(UpsertNotification, n.Id, n.PersonId, json ?? PgDocuments.ToJson(n));
}
