using PdBot.Core.Calendar;

namespace PdBot.Core.Requests;

/// <summary>Turns a receipt instant and a rule into a due date on the production calendar.</summary>
public static class RequestDeadlines
{
    /// <summary>The earlier of the policy's and the law's due dates, each counted from the day after receipt.</summary>
    public static Deadline Due(ProductionCalendar calendar, DateTimeOffset receivedAt, DeadlineRule rule)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rule);
        var received = ClinicTime.LocalDate(receivedAt);
        var policy = Count(calendar, received, rule.Days, rule.WorkingDays);
        var law = Count(calendar, received, rule.LegalDays, rule.LegalWorkingDays);
        return law.Due < policy.Due ? law : policy;
    }

    /// <summary>The due date after an extension of <paramref name="workingDays"/> (at most 5) from the original.</summary>
    public static Deadline Extend(ProductionCalendar calendar, DateOnly originalDue, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workingDays, DeadlineTable.MaxExtensionWorkingDays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingDays);
        return calendar.DueAfter(originalDue, workingDays);
    }

    private static Deadline Count(ProductionCalendar calendar, DateOnly received, int days, bool working) =>
        days == 0 ? new Deadline(received, calendar.IsProvisional(received.Year) ? $"{received.Year} is provisional" : null)
        : working ? calendar.DueAfter(received, days)
        : calendar.WorkingDayOnOrAfter(received.AddDays(days)); // Civil Code Art. 193: a term ending on a day off moves to the next working day
}
