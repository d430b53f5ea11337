namespace PdBot.Adapters.Processing;

/// <summary>How the platform took one outbox call.</summary>
public enum DeliveryStatus
{
    /// <summary>Accepted.</summary>
    Sent,

    /// <summary>Refused for good and harmless to lose (a press answered too late, "message is not modified", the message to edit is gone): logged and dropped.</summary>
    Dropped,

    /// <summary>The person blocked the bot or denied messages (Telegram 403, VK 900–902): the message is set aside and the channel is told.</summary>
    Unreachable,

    /// <summary>Try this call again later (429 with its retry_after, 5xx, a network failure); others go on meanwhile.</summary>
    Retry,

    /// <summary>Refused for good (another 4xx): set aside with the error.</summary>
    Failed,
}
