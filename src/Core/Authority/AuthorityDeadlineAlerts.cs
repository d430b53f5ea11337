using PdBot.Core.Alerts;
using PdBot.Core.Unlawful;

namespace PdBot.Core.Authority;

/// <summary>
/// Alerts operators about Roskomnadzor requests and operator-found unlawful processing: two working days before each
/// due date, on the day, and when overdue — each once (the alert board's keys). Texts carry no personal data.
/// </summary>
public sealed class AuthorityDeadlineAlerts(AuthorityService authority, UnlawfulService unlawful, AlertBoard board)
{
    /// <returns>How many alerts were raised.</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var raised = 0;
        foreach (var r in authority.List().Where(r => r.IsOpen))
        {
            var left = authority.WorkingDaysLeft(r);
            if (DeadlineStage.Of(left) is { } stage
                && await board.RaiseAsync(AlertKinds.AuthorityDeadline, DeadlineStage.Key("authority", r.Id, r.DueDate, stage), AuthorityTexts.Alert(r, left), ct))
            {
                raised++;
            }
        }

        foreach (var c in unlawful.List().Where(c => c.IsOpen))
        {
            if (UnlawfulService.NextDue(c) is not { } next)
            {
                continue;
            }

            var left = unlawful.WorkingDaysLeft(next.Due);
            if (DeadlineStage.Of(left) is { } stage
                && await board.RaiseAsync(AlertKinds.UnlawfulDeadline, DeadlineStage.Key($"unlawful-{c.State.ToString().ToLowerInvariant()}", c.Id, next.Due, stage), UnlawfulTexts.Alert(c, next.What, next.Due, left), ct))
            {
                raised++;
            }
        }

        return raised;
    }
}
