namespace PdBot.Core.Outbox;

/// <summary>Messages waiting to be sent outside a conversation turn, and what was sent.</summary>
public interface IOutbox
{
    Task EnqueueAsync(IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<Audit.AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>The channel's messages not delivered and not set aside, oldest first.</summary>
    IReadOnlyList<OutboxMessage> Pending(string channel);

    /// <summary>Every outgoing message (sent or not) linked to one of <paramref name="requestIds"/>, oldest first: the person's timeline shows them.</summary>
    IReadOnlyList<OutboxMessage> OutboxOfRequests(IReadOnlyCollection<long> requestIds);

    Task MarkSentAsync(OutboxMessage message, DateTime sentAtUtc, CancellationToken cancellationToken = default);

    /// <summary>
    /// The platform accepted the call (or refused a harmless one for good): a turn's reply is deleted (it holds a chat
    /// id and a text, and the turn's effects are in the audit trail); anything else is marked as <see cref="MarkSentAsync"/> does.
    /// </summary>
    Task MarkDeliveredAsync(OutboxMessage message, DateTime atUtc, CancellationToken cancellationToken = default);

    /// <summary>Stores <see cref="OutboxMessage.InFlightAtUtc"/> = <paramref name="atUtc"/> before a call that must not be repeated after a crash.</summary>
    Task MarkInFlightAsync(OutboxMessage message, DateTime atUtc, CancellationToken cancellationToken = default);

    /// <summary>Stores the message's retry state as the caller set it (Attempts, NextAttemptAtUtc, LastError, InFlightAtUtc).</summary>
    Task RescheduleAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>Never tried again: <see cref="OutboxMessage.FailedAtUtc"/> and the error are stored; a turn's reply also loses its chat id and text.</summary>
    Task SetAsideAsync(OutboxMessage message, string error, DateTime atUtc, CancellationToken cancellationToken = default);
}
