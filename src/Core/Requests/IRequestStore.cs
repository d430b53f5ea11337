using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Core.Requests;

/// <summary>Where subject requests are kept (the outbox has its own <see cref="Outbox.IOutbox"/>).</summary>
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

    /// <summary>
    /// Stores everything a <see cref="RequestCase"/> changed (new requests get the next id) in one transaction;
    /// completes once committed.
    /// </summary>
    Task CommitAsync(RequestChanges changes, CancellationToken cancellationToken = default);
}
