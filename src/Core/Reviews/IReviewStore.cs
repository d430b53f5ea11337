using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Core.Reviews;

/// <summary>Reviews and their drafts; a write commits with its outbox messages and audit entries.</summary>
public interface IReviewStore
{
    long NextId();

    Review? Find(long id);

    /// <summary>The person's open form, if any.</summary>
    Review? DraftOf(string personId);

    IReadOnlyList<Review> OfPerson(string personId);

    /// <summary>Every review but drafts, newest first.</summary>
    IReadOnlyList<Review> List();

    Task SaveAsync(Review review, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default);

    /// <summary>A draft dropped (cancelled, expired, consent gone): nothing of it is kept.</summary>
    Task DeleteDraftAsync(long id, CancellationToken cancellationToken = default);
}
