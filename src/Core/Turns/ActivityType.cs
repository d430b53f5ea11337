namespace PdBot.Core.Turns;

/// <summary>What a person (or their platform on their behalf) did.</summary>
public enum ActivityType
{
    /// <summary>A text message.</summary>
    Message,

    /// <summary>A press of a button the bot sent; <see cref="Activity.Payload"/> says which.</summary>
    ButtonPress,

    /// <summary>The platform reports the person allowed messages from the bot (VK message_allow).</summary>
    Subscribed,

    /// <summary>The platform reports the person denied messages (VK message_deny).</summary>
    Unsubscribed,

    /// <summary>The person blocked the bot or can no longer be reached.</summary>
    Blocked,

    /// <summary>Not from the person: the bot speaks first (an approved answer, a notice).</summary>
    Proactive,
}
