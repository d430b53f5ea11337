namespace PdBot.Core.Incidents;

/// <summary>One step in an incident's history: when, what (an <see cref="IncidentEvents"/> word), who, and a note without personal data.</summary>
public sealed class IncidentHistoryItem
{
    public DateTime AtUtc { get; set; }

    public string Event { get; set; } = "";

    /// <summary>An operator's login, "person" or "system".</summary>
    public string Actor { get; set; } = "";

    public string? Note { get; set; }
}
