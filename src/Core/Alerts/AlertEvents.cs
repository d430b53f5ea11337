namespace PdBot.Core.Alerts;

/// <summary>The audit trail's words for alerts (kind <see cref="Kind"/>).</summary>
public static class AlertEvents
{
    public const string Kind = "alert";
    public const string Raised = "alert-raised";
    public const string Acknowledged = "alert-accepted";
}
