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
        : base($"The production calendar has no data for {year}: load that year's decree (Calendar:File) before counting deadlines in it.")
    {
        Year = year;
    }

    public int Year { get; }
}
