namespace PdBot.Core.Mailings;

/// <summary>
/// One row of a mailing's delivery ledger: who, what happened, and what proves the send was covered — the consent
/// version and text hash in force at that moment, the time and the platform's message id.
/// </summary>
public sealed class MailingDelivery
{
    /// <summary>"{mailingId}/{personId}".</summary>
    public string Id { get; set; } = "";

    public long MailingId { get; set; }

    public string PersonId { get; set; } = "";

    public string Channel { get; set; } = "";

    public MailingDeliveryState State { get; set; } = MailingDeliveryState.Pending;

    /// <summary>Why skipped or failed: see <see cref="MailingSkipReasons"/>, or the platform's error code.</summary>
    public string? Reason { get; set; }

    public int? ConsentVersion { get; set; }

    public string? ConsentTextHash { get; set; }

    /// <summary>VK: the call this row went out in (random_id derives from it).</summary>
    public long? Batch { get; set; }

    public DateTime? InFlightAtUtc { get; set; }

    /// <summary>When the platform accepted it (Sent), or when the outcome was recorded.</summary>
    public DateTime? AtUtc { get; set; }

    public string? PlatformMessageId { get; set; }

    public static string MakeId(long mailingId, string personId) => $"{mailingId}/{personId}";
}
