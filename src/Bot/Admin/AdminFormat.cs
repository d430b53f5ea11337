using System.Globalization;
using PdBot.Core.Audit;
using PdBot.Core.Calendar;
using PdBot.Core.Labels;

namespace PdBot.Bot.Admin;

/// <summary>How the console writes times and event names: Moscow time, Russian labels.</summary>
public static class AdminFormat
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>A stored UTC instant as clinic (Moscow) time.</summary>
    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), ClinicTime.Zone)
            .ToString("dd.MM.yyyy HH:mm:ss", Ru) + " МСК";

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", Ru);

    /// <summary>ISO 8601 UTC with milliseconds, as in every export.</summary>
    public static string IsoUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static string ChannelName(string channel) => RussianLabels.Channel(channel);
}
