namespace PdBot.Core.Calendar;

/// <summary>
/// The Russian production calendar: which dates are working days. Years come as data (the shipped
/// <c>calendar-ru.json</c>, then <c>Calendar:File</c>); a year without data is never guessed.
/// </summary>
public sealed class ProductionCalendar
{
    private static readonly Lazy<IReadOnlyList<CalendarYear>> ShippedYears = new(CalendarFile.Shipped);

    private readonly SortedDictionary<int, CalendarYear> _years = [];

    private ProductionCalendar(IEnumerable<CalendarYear> years)
    {
        foreach (var y in years)
        {
            // A later source replaces the whole year: a decree is loaded as a whole, never merged day by day.
            _years[y.Year] = y;
        }
    }

    /// <summary>The calendar shipped with the code, plus the years in <paramref name="overrideFile"/> if given.</summary>
    public static ProductionCalendar Create(string? overrideFile)
    {
        var years = ShippedYears.Value;
        return string.IsNullOrWhiteSpace(overrideFile)
            ? new ProductionCalendar(years)
            : new ProductionCalendar(years.Concat(CalendarFile.Load(overrideFile)));
    }

    /// <summary>Every year with data, in order.</summary>
    public IReadOnlyList<CalendarYear> Years => [.. _years.Values];

    /// <summary>The data of <paramref name="year"/>; throws <see cref="CalendarYearMissingException"/> when there are none.</summary>
    public CalendarYear Year(int year) => _years.TryGetValue(year, out var y) ? y : throw new CalendarYearMissingException(year);

    /// <summary>True for a working day; throws <see cref="CalendarYearMissingException"/> for a year without data.</summary>
    public bool IsWorkingDay(DateOnly date) => Year(date.Year).IsWorkingDay(date);

    /// <summary>True when the year's data come from the Labour Code alone, before its decree is loaded.</summary>
    public bool IsProvisional(int year) => Year(year).Provisional;

    /// <summary>Every day off of <paramref name="year"/> in date order (holidays and weekend days not made working).</summary>
    public IReadOnlyList<DateOnly> NonWorkingDays(int year) => Year(year).NonWorkingDays();

    /// <summary>
    /// The due date of a term of <paramref name="workingDays"/> working days for something received on
    /// <paramref name="receivedOn"/>: the term starts the next day (Civil Code Art. 191) and ends on its last working day,
    /// i.e. the Nth working day strictly after <paramref name="receivedOn"/>. When a day counted lies in a provisional
    /// year, the deadline carries a warning naming it.
    /// </summary>
    public Deadline DueAfter(DateOnly receivedOn, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingDays);
        var provisional = new SortedSet<int>();
        var d = receivedOn;
        for (var left = workingDays; left > 0;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d, provisional))
            {
                left--;
            }
        }

        return Result(d, provisional);
    }

    /// <summary>
    /// <paramref name="date"/> if it is a working day, else the next working day: where a term counted in calendar days
    /// ends (Civil Code Art. 193). Warns like <see cref="DueAfter"/> when a day looked at is in a provisional year.
    /// </summary>
    public Deadline WorkingDayOnOrAfter(DateOnly date)
    {
        var provisional = new SortedSet<int>();
        while (!IsWorkingDay(date, provisional))
        {
            date = date.AddDays(1);
        }

        return Result(date, provisional);
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (negative when to &lt; from).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var (a, b, sign) = to >= from ? (from, to, 1) : (to, from, -1);
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

    private bool IsWorkingDay(DateOnly date, SortedSet<int> provisionalSeen)
    {
        var year = Year(date.Year);
        if (year.Provisional)
        {
            provisionalSeen.Add(year.Year);
        }

        return year.IsWorkingDay(date);
    }

    private Deadline Result(DateOnly due, SortedSet<int> provisional) => new(due, provisional.Count == 0 ? null : Warning(provisional));

    private string Warning(SortedSet<int> years) => years.Count == 1
        ? $"Производственный календарь на {years.Min} год предварительный ({_years[years.Min].Source}): срок может сдвинуться, когда будет загружено постановление (Calendar:File)."
        : $"Производственные календари на {string.Join(", ", years)} годы предварительные: срок может сдвинуться, когда будут загружены постановления (Calendar:File).";
}
