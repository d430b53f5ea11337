namespace PdBot.Core.Outbox;

/// <summary>
/// A platform call waiting to be made: a turn's reply (a message, the answer to a press, new buttons under an
/// earlier message) or a message outside a turn (an approved answer, a notice, an operator alert). Stored in the
/// same transaction as what caused it, made by the channel's sender at the platform's pace, and marked after the
/// platform accepted it.
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

    /// <summary>What call to make: <see cref="OutboxAction.Send"/> (default), <see cref="OutboxAction.Answer"/>, <see cref="OutboxAction.Edit"/>.</summary>
    public string Action { get; set; } = OutboxAction.Send;

    /// <summary>The buttons (rows) as <see cref="OutboxButtons"/> writes them; null for none.</summary>
    public string? Buttons { get; set; }

    /// <summary>The person's platform id, when it differs from the chat or a call needs both (VK's event answer).</summary>
    public string? UserId { get; set; }

    /// <summary>For an answer: the press to answer (Telegram callback query id, VK event id).</summary>
    public string? PressId { get; set; }

    /// <summary>For an edit: the platform id of the message whose buttons change.</summary>
    public string? EditMessageId { get; set; }

    /// <summary>The client shows only text buttons (VK clients without callback buttons).</summary>
    public bool TextButtonsOnly { get; set; }

    /// <summary>A stable key of this call (what it answers and its place in the turn): VK derives random_id from it.</summary>
    public string? DedupeKey { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before this time (a 429's retry_after, a backoff after a 5xx); null: now.</summary>
    public DateTime? NextAttemptAtUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>Set aside: refused for good, or failed every attempt; never tried again.</summary>
    public DateTime? FailedAtUtc { get; set; }

    /// <summary>
    /// Telegram only: written before the call, so after a crash in the middle of it the message is not sent a
    /// second time (at most once). VK sends again instead, with the same random_id, which VK de-duplicates.
    /// </summary>
    public DateTime? InFlightAtUtc { get; set; }
}
