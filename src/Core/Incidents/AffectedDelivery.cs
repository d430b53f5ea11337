namespace PdBot.Core.Incidents;

/// <summary>One affected person's service notice: who (the pseudonymous id), through which channel, and its outcome.</summary>
public sealed class AffectedDelivery
{
    public string PersonId { get; set; } = "";

    public string Channel { get; set; } = "";

    public DeliveryOutcome Outcome { get; set; }

    /// <summary>The outbox message carrying it; null when skipped.</summary>
    public long? OutboxId { get; set; }

    /// <summary>When it was queued (or skipped), then when it was delivered or failed.</summary>
    public DateTime AtUtc { get; set; }
}
