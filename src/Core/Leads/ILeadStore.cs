using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Core.Leads;

/// <summary>Where consultation requests are kept.</summary>
public interface ILeadStore
{
    /// <summary>A fresh request number, handed out when the form starts.</summary>
    long NextId();

    Lead? Find(long id);

    /// <summary>The person's requests (drafts included), newest first.</summary>
    IReadOnlyList<Lead> OfPerson(string personId);

    /// <summary>Sent requests (no drafts), newest first; only those in <paramref name="state"/> when given.</summary>
    IReadOnlyList<Lead> List(LeadState? state);

    /// <summary>Everything whose personal data are not destroyed yet (drafts included): the term sweep's work list.</summary>
    IReadOnlyList<Lead> WithPersonalData();

    /// <summary>Stores the request, the messages to send and the audit entries in one transaction.</summary>
    Task SaveAsync(Lead lead, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default);

    /// <summary>Deletes a form never sent («Отмена», left for 24 hours, consent gone), with <paramref name="audit"/>.</summary>
    Task DeleteAsync(Lead lead, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default);
}
