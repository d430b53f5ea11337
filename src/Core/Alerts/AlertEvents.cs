namespace PdBot.Core.Alerts;

/// <summary>The audit trail's words for alerts (kind <see cref="Kind"/>).</summary>
public static class AlertEvents
{
    public const string Kind = "alert";
    public const string Raised = "raised";
    public const string Acknowledged = "acknowledged";
}
