using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Core.Requests;

/// <summary>Where subject requests and the outbox are kept.</summary>
public interface IRequestStore
{
    SubjectRequest? Find(long id);

    IReadOnlyList<SubjectRequest> OfPerson(string personId);

    IReadOnlyList<SubjectRequest> Open();

    /// <summary>Every request, open and closed (the console's "closed too" view, <c>requests list --all</c>).</summary>
    IReadOnlyList<SubjectRequest> All();

    /// <summary>
    /// Stores the request (a new one gets the next id), its audit entries and outgoing messages in one
    /// transaction; completes once committed.
    /// </summary>
    Task SaveAsync(SubjectRequest request, IReadOnlyList<AuditEntry> entries, IReadOnlyList<OutboxMessage> outgoing, CancellationToken cancellationToken = default);

    Task EnqueueAsync(IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    IReadOnlyList<OutboxMessage> Pending(string channel);

    /// <summary>Every outgoing message (sent or not) linked to one of <paramref name="requestIds"/>, oldest first: the person's timeline shows them.</summary>
    IReadOnlyList<OutboxMessage> OutboxOfRequests(IReadOnlyCollection<long> requestIds);

    /// <summary>
    /// Destruction, in one transaction: the person's platform ids are erased (their pseudonymous id stays),
    /// identity documents in their requests are cleared, the audit trail keeps only salted digests (the
    /// chain still verifies), and <paramref name="request"/>, <paramref name="entries"/> and the notice are stored.
    /// </summary>
    Task DestroyPersonAsync(string personId, SubjectRequest request, IReadOnlyList<AuditEntry> entries, IReadOnlyList<OutboxMessage> outgoing, CancellationToken cancellationToken = default);

    Task MarkSentAsync(OutboxMessage message, DateTime sentAtUtc, CancellationToken cancellationToken = default);
}
