using System.Globalization;

namespace PdBot.Core.Incidents;

/// <summary>One running clock of an incident, counted in hours (weekends and holidays do not stop it).</summary>
public sealed record IncidentDeadline(IncidentDeadlineKind Kind, DateTime DueUtc)
{
    /// <summary>«уведомления Роскомнадзора (24 ч)», «результатов расследования (72 ч)».</summary>
    public string Title => Kind == IncidentDeadlineKind.Notice ? "уведомления Роскомнадзора (24 ч)" : "результатов расследования (72 ч)";

    public bool IsOverdue(DateTime nowUtc) => nowUtc >= DueUtc;

    /// <summary>Whole hours left, rounded up (5 h 50 min → 6); 0 when overdue.</summary>
    public int HoursLeft(DateTime nowUtc) => IsOverdue(nowUtc) ? 0 : (int)Math.Ceiling((DueUtc - nowUtc).TotalHours);

    /// <summary>«осталось 6 ч» or «просрочено на 2 ч».</summary>
    public string Left(DateTime nowUtc) => IsOverdue(nowUtc)
        ? string.Create(CultureInfo.InvariantCulture, $"просрочено на {(int)Math.Floor((nowUtc - DueUtc).TotalHours)} ч")
        : string.Create(CultureInfo.InvariantCulture, $"осталось {HoursLeft(nowUtc)} ч");

    /// <summary>The clocks of an incident that still run, the earliest first.</summary>
    public static IReadOnlyList<IncidentDeadline> Running(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var running = new List<IncidentDeadline>();
        if (incident.NoticeClockRuns)
        {
            running.Add(new IncidentDeadline(IncidentDeadlineKind.Notice, incident.NoticeDueUtc));
        }

        if (incident.ResultsClockRuns)
        {
            running.Add(new IncidentDeadline(IncidentDeadlineKind.Results, incident.ResultsDueUtc));
        }

        return running;
    }
}
