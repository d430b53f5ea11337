namespace PdBot.Core.Calendar;

/// <summary>
/// The Russian production calendar: which dates are working days. STUB — being implemented.
/// </summary>
public sealed class ProductionCalendar
{
    private readonly int _firstYear = 2025;

    /// <summary>The calendar shipped with the code, plus the years in <paramref name="overrideFile"/> if given.</summary>
    public static ProductionCalendar Create(string? overrideFile) => new();

    /// <summary>True for a working day; throws <see cref="CalendarYearMissingException"/> for a year without data.</summary>
    public bool IsWorkingDay(DateOnly date) => date.Year >= _firstYear && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>True when the year's data come from the Labour Code alone, before its decree is loaded.</summary>
    public bool IsProvisional(int year) => year >= _firstYear + 2;

    /// <summary>
    /// The due date of a term of <paramref name="workingDays"/> working days for something received on
    /// <paramref name="receivedOn"/>: the term starts the next day (Civil Code Art. 191) and ends on its last working day.
    /// </summary>
    public Deadline DueAfter(DateOnly receivedOn, int workingDays)
    {
        var d = receivedOn;
        for (var left = workingDays; left > 0;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d))
            {
                left--;
            }
        }

        return new Deadline(d, IsProvisional(d.Year) ? $"{d.Year} is provisional" : null);
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (negative when to &lt; from).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var sign = to >= from ? 1 : -1;
        var (a, b) = to >= from ? (from, to) : (to, from);
        var n = 0;
        for (var d = a.AddDays(1); d <= b; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                n++;
            }
        }

        return sign * n;
    }
}
