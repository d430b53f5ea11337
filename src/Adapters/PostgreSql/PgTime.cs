namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// Times for timestamptz columns: UTC (Npgsql refuses other kinds) and cut to the millisecond, as the document beside
/// them keeps them (BSON dates), so ordering by the column orders as the LiteDB store orders the objects it reads back.
/// </summary>
internal static class PgTime
{
    public static DateTime Utc(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Utc ? time : time.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    public static DateTime? Utc(DateTime? time) => time is { } t ? Utc(t) : null;
}
