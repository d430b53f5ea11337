namespace PdBot.Core.Requests;

/// <summary>
/// Tells operators about every open request two working days before its due date and on the day.
/// Each alert is recorded in the request's history, so running this again sends nothing twice.
/// </summary>
public sealed class DeadlineAlerts(IRequestStore store, RequestService service, TimeProvider time)
{
    private static readonly int[] AlertDays = [2, 0];

    /// <returns>How many alerts were queued.</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var sent = 0;
        foreach (var r in service.Queue().Where(r => r.DueDate is not null && r.State != RequestState.AwaitingDetails))
        {
            var left = service.WorkingDaysLeft(r);
            var mark = $"alert-{left}";
            if (!AlertDays.Contains(left) || r.History.Any(h => h.Action == mark && h.Note == r.DueDate?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))
            {
                continue;
            }

            var alerts = service.ToOperators(RequestTexts.OperatorDue(r, left), r).ToList();
            r.History.Add(new RequestHistoryItem(time.GetUtcNow().UtcDateTime, mark, "system", r.DueDate?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
            await store.SaveAsync(r, [], alerts, ct);
            sent += alerts.Count;
        }

        return sent;
    }
}
