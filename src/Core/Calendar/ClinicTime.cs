namespace PdBot.Core.Calendar;

/// <summary>Converts between stored UTC instants and the clinic's local dates (Europe/Moscow).</summary>
public static class ClinicTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The last moment of <paramref name="date"/> in Moscow, as UTC: a deadline's end.</summary>
    public static DateTimeOffset EndOfDayUtc(DateOnly date)
    {
        var local = date.ToDateTime(new TimeOnly(23, 59, 59, 999));
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
