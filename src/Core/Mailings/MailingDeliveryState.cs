namespace PdBot.Core.Mailings;

/// <summary>The outcome of a mailing for one recipient (a ledger row).</summary>
public enum MailingDeliveryState
{
    /// <summary>In the audience, not tried yet.</summary>
    Pending,

    /// <summary>The platform call is being made (written before it: after a crash Telegram's is <see cref="Unknown"/>, VK's is repeated with the same random_id).</summary>
    InFlight,
    Sent,

    /// <summary>The platform refused it (blocked, denied, privacy, or failed every attempt).</summary>
    Failed,

    /// <summary>Not sent: at the moment of their send the consent no longer held (or they left the topic, became unreachable…).</summary>
    Skipped,

    /// <summary>Telegram call interrupted by a crash: it may or may not have arrived; never repeated.</summary>
    Unknown,

    /// <summary>The mailing was cancelled before their turn.</summary>
    Cancelled,
}
