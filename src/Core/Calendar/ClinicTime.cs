namespace PdBot.Core.Calendar;

/// <summary>
/// Converts between stored UTC instants and the clinic's local dates (Europe/Moscow): a request received at
/// 01:30 Moscow time on 1 May was received on 1 May, even though it is still 30 April in UTC.
/// </summary>
public static class ClinicTime
{
    public const string ZoneId = "Europe/Moscow";

    /// <summary>
    /// The IANA zone from the system (tzdata on Linux, ICU-mapped on Windows). A slim container without tzdata
    /// falls back to fixed UTC+3: Moscow has kept UTC+3 with no daylight saving since 26 Oct 2014 (Federal Law
    /// No. 248-FZ), which covers every year the calendar can count.
    /// </summary>
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The clinic's date now.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return LocalDate(time.GetUtcNow());
    }

    /// <summary>Midnight at the start of <paramref name="date"/> in Moscow, as UTC.</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// The last moment of <paramref name="date"/> in Moscow, as UTC: a deadline's end. Millisecond precision,
    /// because LiteDB stores no finer; a stored deadline reads back equal.
    /// </summary>
    public static DateTimeOffset EndOfDayUtc(DateOnly date) => StartOfDayUtc(date.AddDays(1)).AddMilliseconds(-1);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("PdBot/Moscow-UTC+3", TimeSpan.FromHours(3), "Moscow (fixed UTC+3)", "MSK");
        }
    }
}
