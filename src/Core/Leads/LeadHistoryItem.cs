namespace PdBot.Core.Leads;

/// <summary>One step in a request's history: who (an operator's login, "person" or "system"), when, and what.</summary>
public sealed class LeadHistoryItem
{
    public DateTime AtUtc { get; set; }

    public string Actor { get; set; } = "";

    /// <summary>The audit event: submitted, contacted, booked, no-answer, closed, cancelled, destroyed.</summary>
    public string Event { get; set; } = "";

    /// <summary>A note without personal data (a reason, the state it moved from).</summary>
    public string? Note { get; set; }
}
