using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Core.Unlawful;

/// <summary>Where operator-found unlawful processing cases are kept.</summary>
public interface IUnlawfulStore
{
    long NextId();

    UnlawfulCase? Find(long id);

    /// <summary>Every case, newest first.</summary>
    IReadOnlyList<UnlawfulCase> All();

    /// <summary>Stores the case, the messages to send and the audit entries in one transaction.</summary>
    Task SaveAsync(UnlawfulCase @case, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default);
}
