namespace PdBot.Core.Conversations;

/// <summary>One message of an inbox conversation; kept for <c>Inbox:RetentionDays</c>, then destroyed by the retention job.</summary>
public sealed class ConversationMessage
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public string PersonId { get; set; } = "";

    public DateTime AtUtc { get; set; }

    /// <summary>"person", an operator's login, or "system" (a notification the clinic's system sent).</summary>
    public string Author { get; set; } = ConversationAuthors.Person;

    public string Text { get; set; } = "";
}
