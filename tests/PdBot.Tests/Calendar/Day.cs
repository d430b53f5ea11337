using System.Globalization;

namespace PdBot.Tests.Calendar;

/// <summary>ISO dates in test tables, read the one unambiguous way.</summary>
internal static class Day
{
    public static DateOnly Of(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
