using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Core.Incidents;

/// <summary>Where incidents are kept.</summary>
public interface IIncidentStore
{
    long NextId();

    /// <summary>An outbox id handed out ahead, so a service notice's delivery can point to its message before both are stored.</summary>
    long NextOutboxId();

    Incident? Find(long id);

    /// <summary>Every incident, newest first.</summary>
    IReadOnlyList<Incident> List();

    /// <summary>Stores the incident, the messages to send and the audit entries in one transaction.</summary>
    Task SaveAsync(Incident incident, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default);

    /// <summary>The outbox messages with these ids (sent or not); those no longer stored are missing.</summary>
    IReadOnlyList<OutboxMessage> OutboxMessages(IReadOnlyCollection<long> ids);
}
