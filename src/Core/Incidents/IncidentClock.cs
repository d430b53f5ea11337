using System.Globalization;
using PdBot.Core.Alerts;
using PdBot.Core.Requests;

namespace PdBot.Core.Incidents;

/// <summary>
/// Alerts operators 6 hours and 1 hour before each of an incident's deadlines and once it is overdue. Only the most
/// urgent stage reached is raised (a worker that was down does not send three alerts at once); the board raises each
/// key once, so running this every few minutes sends nothing twice. The texts carry only the incident's number.
/// </summary>
public sealed class IncidentClock(IIncidentStore store, AlertBoard board, TimeProvider time)
{
    /// <summary>The stages, most urgent first: overdue (0), 1 hour, 6 hours before.</summary>
    private static readonly int[] StageHours = [0, 1, 6];

    /// <returns>How many alerts were raised.</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var raised = 0;
        foreach (var incident in store.List().Where(i => !IncidentMachine.IsFinal(i.State)))
        {
            foreach (var deadline in IncidentDeadline.Running(incident))
            {
                if (Stage(deadline, now) is not { } stage)
                {
                    continue;
                }

                var key = string.Create(CultureInfo.InvariantCulture, $"incident-{incident.Id}-{deadline.Kind.ToString().ToLowerInvariant()}-{(stage == 0 ? "overdue" : $"{stage}h")}");
                if (!await board.RaiseAsync(AlertKinds.IncidentDeadline, key, Text(incident, deadline, now), ct))
                {
                    continue;
                }

                raised++;
                incident.History.Add(new IncidentHistoryItem { AtUtc = now, Event = IncidentEvents.Alerted, Actor = Actors.System, Note = $"{deadline.Title}: {deadline.Left(now)}" });
                await store.SaveAsync(incident, [], [], ct);
            }
        }

        return raised;
    }

    /// <summary>The most urgent stage reached (0 = overdue, 1, 6), or null when more than 6 hours are left.</summary>
    public static int? Stage(IncidentDeadline deadline, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var left = deadline.DueUtc - nowUtc;
        foreach (var hours in StageHours)
        {
            if (left <= TimeSpan.FromHours(hours))
            {
                return hours;
            }
        }

        return null;
    }

    /// <summary>«Инцидент № 3: до срока уведомления Роскомнадзора (24 ч) осталось 6 ч.» — no personal data.</summary>
    public static string Text(Incident incident, IncidentDeadline deadline, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(deadline);
        var number = IncidentTexts.Number(incident.Id);
        return deadline.IsOverdue(nowUtc)
            ? $"Инцидент {number}: срок {deadline.Title} истёк ({deadline.Left(nowUtc)}). Отправьте его и отметьте отправку в консоли, раздел «Инциденты»."
            : $"Инцидент {number}: до срока {deadline.Title} {deadline.Left(nowUtc)}.";
    }
}
