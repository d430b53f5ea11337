namespace PdBot.Core.Outbox;

/// <summary>
/// A message the bot must send outside a conversation turn (an approved answer, a notice, an operator
/// alert). Stored first, sent by the channel when it runs, marked sent after the platform accepted it.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public string Channel { get; set; } = "";

    public string ChatId { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>What it is about, for the admin console: "request-answer", "operator-alert", ….</summary>
    public string Kind { get; set; } = "";

    public long? RequestId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }
}
