using PdBot.Core.Incidents;

namespace PdBot.Bot.Admin.Incidents;

/// <summary>One incident as the list shows it: its state and the next running deadline («осталось 6 ч», red when overdue).</summary>
public sealed record IncidentRow(Incident Incident, IncidentDeadline? Next, string? Left, bool Overdue, bool Soon)
{
    public static IncidentRow Of(Incident incident, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var running = IncidentDeadline.Running(incident);
        var next = running.Count > 0 ? running[0] : null;
        return next is null
            ? new IncidentRow(incident, null, null, false, false)
            : new IncidentRow(incident, next, next.Left(nowUtc), next.IsOverdue(nowUtc), IncidentClock.Stage(next, nowUtc) is not null);
    }
}
