namespace PdBot.Core.Incidents;

/// <summary>What became of one affected person's service notice.</summary>
public enum DeliveryOutcome
{
    /// <summary>Queued in the outbox, not delivered yet.</summary>
    Pending,

    Sent,

    /// <summary>The platform refused it for good or every attempt failed.</summary>
    Failed,

    /// <summary>The person is blocked (policy 6.2.5–6.2.6): counted, not messaged.</summary>
    SkippedBlocked,

    /// <summary>The person's data were destroyed: nobody to write to.</summary>
    SkippedDestroyed,
}
