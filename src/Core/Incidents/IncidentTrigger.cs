namespace PdBot.Core.Incidents;

/// <summary>What moves an incident: the operators' actions.</summary>
public enum IncidentTrigger
{
    Register,
    Dismiss,
    MarkNoticeSent,
    MarkResultsSent,
    Close,
}
