namespace PdBot.Core.Outbox;

/// <summary>Messages waiting to be sent outside a conversation turn, and what was sent.</summary>
public interface IOutbox
{
    Task EnqueueAsync(IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<Audit.AuditEntry> entries, CancellationToken cancellationToken = default);

    IReadOnlyList<OutboxMessage> Pending(string channel);

    /// <summary>Every outgoing message (sent or not) linked to one of <paramref name="requestIds"/>, oldest first: the person's timeline shows them.</summary>
    IReadOnlyList<OutboxMessage> OutboxOfRequests(IReadOnlyCollection<long> requestIds);

    Task MarkSentAsync(OutboxMessage message, DateTime sentAtUtc, CancellationToken cancellationToken = default);
}
