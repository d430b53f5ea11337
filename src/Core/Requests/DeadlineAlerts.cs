namespace PdBot.Core.Requests;

/// <summary>
/// Tells operators about every open request two working days before its due date and on the day.
/// Each alert is recorded in the request's history, so running this again sends nothing twice.
/// </summary>
public sealed class DeadlineAlerts(RequestService service)
{
    private static readonly int[] AlertDays = [2, 0];

    /// <returns>How many alerts were queued.</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var sent = 0;
        foreach (var r in service.Queue().Where(r => r.DueDate is not null && r.State != RequestState.AwaitingDetails))
        {
            var left = service.WorkingDaysLeft(r);
            var action = RequestAction.Alert(left);
            var due = r.DueDate?.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            if (!AlertDays.Contains(left) || r.History.Any(h => h.Action == action && h.Note == due))
            {
                continue;
            }

            var c = service.CaseFor(r);
            c.Note(action, Actors.System, due);
            c.ToOperators(RequestTexts.OperatorDue(r, left));
            sent += c.OutgoingCount;
            await c.SaveAsync(ct);
        }

        return sent;
    }
}
