namespace PdBot.Core.Unlawful;

/// <summary>
/// Unlawful processing of one person's data found by the clinic itself (policy 6.2.8): stop within 3 working days of
/// detection; if lawfulness cannot be ensured, destroy within 10; data that cannot be destroyed in time are blocked and
/// destroyed within six months (6.2.11). The person, and the authority when its request led here, are told.
/// </summary>
public sealed class UnlawfulCase
{
    public long Id { get; set; }

    /// <summary>The person's pseudonymous id.</summary>
    public string PersonId { get; set; } = "";

    /// <summary>What was unlawful (the operator's words).</summary>
    public string What { get; set; } = "";

    /// <summary>The clinic-local date it was found: the terms count from the next day.</summary>
    public DateOnly DetectedOn { get; set; }

    /// <summary>The Roskomnadzor request that led here, if any: the authority is told too.</summary>
    public long? AuthorityRequestId { get; set; }

    public UnlawfulState State { get; set; } = UnlawfulState.Detected;

    public DateOnly StopDue { get; set; }

    public DateOnly DestroyDue { get; set; }

    public bool DueIsProvisional { get; set; }

    public string? BlockReason { get; set; }

    public DateOnly? BlockedOn { get; set; }

    /// <summary>Blocked data are destroyed by this date: six calendar months from the block (6.2.11).</summary>
    public DateOnly? DestroyBlockedBy { get; set; }

    /// <summary>The destruction act's request (the subject-request machinery that erased the data).</summary>
    public long? DestructionRequestId { get; set; }

    /// <summary>What the person was told last (the text also went through the outbox).</summary>
    public string? PersonNotice { get; set; }

    public DateTime RegisteredAtUtc { get; set; }

    public List<UnlawfulHistoryItem> History { get; set; } = [];

    public bool IsOpen => !UnlawfulMachine.IsFinal(State);
}
