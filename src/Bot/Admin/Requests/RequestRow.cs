using PdBot.Core.Calendar;
using PdBot.Core.Requests;

namespace PdBot.Bot.Admin.Requests;

/// <summary>One line of the queue: the request and its working days left (null when closed, or when its year has no calendar yet).</summary>
public sealed record RequestRow(SubjectRequest Request, int? DaysLeft)
{
    public static RequestRow Of(RequestService service, SubjectRequest r)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(r);
        return new(r, r.IsOpen && r.DueDate is not null ? DaysLeftOrNull(service, r) : null);
    }

    // A due date in a year whose production calendar is not loaded cannot be counted; the page says so
    // instead of failing the whole queue.
    private static int? DaysLeftOrNull(RequestService service, SubjectRequest r)
    {
        try
        {
            return service.WorkingDaysLeft(r);
        }
        catch (CalendarYearMissingException)
        {
            return null;
        }
    }

    public string DaysClass => DaysLeft is { } d ? RequestLabels.DaysClass(d) : "";

    public string Received => Request.ReceivedAtUtc is { } at ? AdminFormat.Time(at) : "—";
}
