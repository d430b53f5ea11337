namespace PdBot.Core.Calendar;

/// <summary>A date in a year the calendar has no data for: never guessed.</summary>
public sealed class CalendarYearMissingException : Exception
{
    public CalendarYearMissingException()
    {
    }

    public CalendarYearMissingException(string message)
        : base(message)
    {
    }

    public CalendarYearMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CalendarYearMissingException(int year)
        : base($"В производственном календаре нет данных за {year} год: загрузите постановление на этот год (Calendar:File), прежде чем считать в нём сроки.")
    {
        Year = year;
    }

    public int Year { get; }
}
