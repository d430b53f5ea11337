using PdBot.Core.Audit;
using PdBot.Core.Calendar;

namespace PdBot.Bot.Admin.Subscribers;

/// <summary>Subscriptions and unsubscriptions per clinic-local day, counted from the audit trail's consent entries.</summary>
public static class SubscriptionChart
{
    public const int Days = 90;

    /// <summary>The last <see cref="Days"/> days up to <paramref name="today"/>, oldest first, every day present.</summary>
    public static IReadOnlyList<SubscriptionDay> Count(IAuditLog audit, string mailingPurpose, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var first = today.AddDays(1 - Days);
        var query = new AuditQuery
        {
            Kind = AuditEvents.ConsentKind,
            Events = [AuditEvents.Given, AuditEvents.Withdrawn],
            PurposeId = mailingPurpose,
            FromUtc = ClinicTime.StartOfDayUtc(first).UtcDateTime,
            ToUtc = ClinicTime.StartOfDayUtc(today.AddDays(1)).UtcDateTime,
        };
        var given = new int[Days];
        var withdrawn = new int[Days];
        foreach (var e in audit.Query(query))
        {
            var day = ClinicTime.LocalDate(new DateTimeOffset(DateTime.SpecifyKind(e.TimeUtc, DateTimeKind.Utc))).DayNumber - first.DayNumber;
            if (day is >= 0 and < Days)
            {
                (e.Event == AuditEvents.Given ? given : withdrawn)[day]++;
            }
        }

        return [.. Enumerable.Range(0, Days).Select(i => new SubscriptionDay(first.AddDays(i), given[i], withdrawn[i]))];
    }
}
