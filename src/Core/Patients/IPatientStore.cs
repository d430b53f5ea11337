using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Core.Patients;

/// <summary>Patient links, bindings, notifications and the callbacks to the clinic's system.</summary>
public interface IPatientStore
{
    PatientLink? FindLink(string codeHash);

    /// <summary>Stores a new link; an unused earlier link of the same patient is removed in the same transaction.</summary>
    Task AddLinkAsync(PatientLink link, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default);

    Task SaveLinkAsync(PatientLink link, CancellationToken cancellationToken = default);

    /// <summary>The link a person opened and has not used yet (the latest).</summary>
    PatientLink? PendingOf(string personId);

    PatientBinding? Binding(string externalId);

    PatientBinding? BindingOf(string personId);

    /// <summary>Binds (replacing the patient's earlier person and the person's earlier patient id) and marks the link used, with the audit entries.</summary>
    Task BindAsync(PatientBinding binding, PatientLink link, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default);

    long NextNotificationId();

    PatientNotification? FindNotification(long id);

    IReadOnlyList<PatientNotification> NotificationsOf(string personId);

    /// <summary>Stores the notification and queues its message, with the audit entries, in one transaction.</summary>
    Task AddNotificationAsync(PatientNotification notification, OutboxMessage message, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default);

    /// <summary>Stores the answered notification (when given) and queues the callback, in one transaction.</summary>
    Task AddCallbackAsync(PatientNotification? answered, PatientCallback callback, CancellationToken cancellationToken = default);

    /// <summary>Callbacks not delivered whose time has come, oldest first.</summary>
    IReadOnlyList<PatientCallback> DueCallbacks(DateTime nowUtc, int max);

    Task SaveCallbackAsync(PatientCallback callback, CancellationToken cancellationToken = default);
}
