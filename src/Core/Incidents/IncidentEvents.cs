namespace PdBot.Core.Incidents;

/// <summary>The audit trail's words for incidents (kind <see cref="Kind"/>).</summary>
public static class IncidentEvents
{
    public const string Kind = "incident";
    public const string Candidate = "candidate";
    public const string Registered = "registered";
    public const string Edited = "edited";
    public const string Dismissed = "dismissed";
    public const string NoticeSent = "notice-sent";
    public const string ResultsSent = "results-sent";
    public const string Closed = "closed";
    public const string Alerted = "alerted";
    public const string AffectedSelected = "affected-selected";
    public const string ServiceNoticeQueued = "service-notice-queued";

    public static string Of(IncidentTrigger trigger) => trigger switch
    {
        IncidentTrigger.Register => Registered,
        IncidentTrigger.Dismiss => Dismissed,
        IncidentTrigger.MarkNoticeSent => NoticeSent,
        IncidentTrigger.MarkResultsSent => ResultsSent,
        _ => Closed,
    };
}
