namespace PdBot.Core.Calendar;

/// <summary>
/// One year of the production calendar, as data: the non-working weekdays (public holidays and the days the
/// Government's decree moved days off to) and the weekend days the decree made working. Every other Saturday
/// and Sunday is a day off.
/// </summary>
public sealed record CalendarYear(
    int Year,
    bool Provisional,
    string Source,
    string? Note,
    IReadOnlySet<DateOnly> Holidays,
    IReadOnlySet<DateOnly> WorkingDays)
{
    public bool IsWorkingDay(DateOnly date)
    {
        if (date.Year != Year)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"This is the calendar of {Year}.");
        }

        return IsWeekend(date) ? WorkingDays.Contains(date) : !Holidays.Contains(date);
    }

    /// <summary>Every day off of the year in date order: the holidays and the weekend days not made working.</summary>
    public IReadOnlyList<DateOnly> NonWorkingDays()
    {
        var days = new List<DateOnly>();
        for (var d = new DateOnly(Year, 1, 1); d.Year == Year; d = d.AddDays(1))
        {
            if (!IsWorkingDay(d))
            {
                days.Add(d);
            }
        }

        return days;
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
