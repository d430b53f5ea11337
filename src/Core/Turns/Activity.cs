namespace PdBot.Core.Turns;

/// <summary>
/// One incoming event, channel-neutral (Bot Framework's Activity, cut down to what PdBot needs).
/// Adapters translate platform updates into this; the bot never sees platform types.
/// </summary>
public sealed record Activity
{
    public required ActivityType Type { get; init; }

    /// <summary>"local", "telegram" or "vk".</summary>
    public required string ChannelId { get; init; }

    /// <summary>The person's id on the platform.</summary>
    public required string UserId { get; init; }

    /// <summary>The conversation to answer in (Telegram chat id, VK peer id).</summary>
    public required string ChatId { get; init; }

    public string? Text { get; init; }

    /// <summary>The payload of the pressed button.</summary>
    public string? Payload { get; init; }

    /// <summary>The platform id of this message or event.</summary>
    public string? MessageId { get; init; }

    /// <summary>For a button press: the id of the bot message that carries the button.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>For a button press: the id the platform wants answered (callback query id, VK event id).</summary>
    public string? ButtonPressId { get; init; }

    /// <summary>Identifies redeliveries of the same platform event (Telegram update_id, VK event_id).</summary>
    public string? DedupeKey { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    /// <summary>True when the client can only show text buttons (pressing one sends its label as text).</summary>
    public bool TextButtonsOnly { get; init; }

    /// <summary>
    /// The subscription link the person came through (Telegram <c>/start &lt;source&gt;</c>, VK <c>ref</c>), already
    /// checked by <see cref="People.SubscriptionSource.Clean"/>; null when there was none or it was not valid.
    /// </summary>
    public string? Source { get; init; }

    public static Activity Message(string channelId, string userId, string text, string? messageId = null) => new()
    {
        Type = ActivityType.Message,
        ChannelId = channelId,
        UserId = userId,
        ChatId = userId,
        Text = text,
        MessageId = messageId,
    };

    public static Activity Press(string channelId, string userId, string payload, string? replyToId, string? pressId = null) => new()
    {
        Type = ActivityType.ButtonPress,
        ChannelId = channelId,
        UserId = userId,
        ChatId = userId,
        Payload = payload,
        ReplyToId = replyToId,
        ButtonPressId = pressId,
        MessageId = pressId,
    };
}
