using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Core.Alerts;

/// <summary>Where alerts are kept.</summary>
public interface IAlertStore
{
    SystemAlert? Find(long id);

    /// <summary>The alert raised with <paramref name="key"/>, open or accepted.</summary>
    SystemAlert? FindByKey(string key);

    /// <summary>Alerts nobody has accepted yet, newest first.</summary>
    IReadOnlyList<SystemAlert> Open();

    /// <summary>
    /// Stores a new alert with the admin-chat message and the audit entries in one transaction; nothing is written when
    /// an alert with the same key is already stored (assigns <see cref="SystemAlert.Id"/>).
    /// </summary>
    Task AddAsync(SystemAlert alert, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default);

    /// <summary>Stores a changed alert (accepted) with its audit entries in one transaction.</summary>
    Task SaveAsync(SystemAlert alert, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default);
}
