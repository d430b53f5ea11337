using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Core.Conversations;

/// <summary>Where inbox conversations and their messages are kept.</summary>
public interface IConversationStore
{
    /// <summary>A fresh conversation id, handed out before the conversation is stored (its audit entries name it).</summary>
    long NextId();

    /// <summary>A fresh message id, handed out before the message is stored (an operator's reply names it in the outbox).</summary>
    long NextMessageId();

    Conversation? Find(long id);

    /// <summary>The person's latest conversation (open or closed), if any.</summary>
    Conversation? LatestOf(string personId);

    /// <summary>Every conversation, the latest message first; open ones only when <paramref name="openOnly"/>.</summary>
    IReadOnlyList<Conversation> List(bool openOnly);

    /// <summary>A conversation's messages, oldest first.</summary>
    IReadOnlyList<ConversationMessage> Messages(long conversationId);

    /// <summary>Every stored message of one person, oldest first (the access answer lists them).</summary>
    IReadOnlyList<ConversationMessage> MessagesOf(string personId);

    /// <summary>
    /// Stores the conversation (a new one gets its id), the new messages, the messages to send and the audit entries in
    /// one transaction; completes only once they are committed.
    /// </summary>
    Task SaveAsync(Conversation conversation, IReadOnlyList<ConversationMessage> added, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default);

    /// <summary>Messages written before <paramref name="cutoffUtc"/> (read-only: the retention preview).</summary>
    IReadOnlyList<ConversationMessage> MessagesBefore(DateTime cutoffUtc);

    /// <summary>
    /// Deletes the messages written before <paramref name="cutoffUtc"/> (and the outbox copies of operators' replies queued
    /// before it), with <paramref name="audit"/>, in one transaction; returns how many messages.
    /// </summary>
    Task<int> DestroyMessagesBeforeAsync(DateTime cutoffUtc, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default);
}
