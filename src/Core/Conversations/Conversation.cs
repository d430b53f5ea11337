namespace PdBot.Core.Conversations;

/// <summary>
/// One person's thread in the operator inbox: what they wrote that the bot did not handle itself, what they asked a
/// person to answer, patients' answers to notifications, and the operators' replies (see <see cref="ConversationMessage"/>).
/// </summary>
public sealed class Conversation
{
    public long Id { get; set; }

    /// <summary>The person's pseudonymous id (never the platform id).</summary>
    public string PersonId { get; set; } = "";

    /// <summary>The person's channel ("telegram", "vk", "local", "test"): replies go back through it.</summary>
    public string Channel { get; set; } = "";

    public ConversationState State { get; set; } = ConversationState.Open;

    /// <summary>Why it was opened: <see cref="ConversationTopics"/>.</summary>
    public string Topic { get; set; } = ConversationTopics.Unhandled;

    /// <summary>Messages from the person no operator has opened yet.</summary>
    public int Unread { get; set; }

    public DateTime OpenedAtUtc { get; set; }

    public DateTime LastMessageAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>Who closed it: an operator's login, or "person" when they left the conversation themselves.</summary>
    public string? ClosedBy { get; set; }
}
