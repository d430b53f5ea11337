using System.Globalization;
using PdBot.Core.Calendar;

namespace PdBot.Core.Alerts;

/// <summary>Times in alert texts, as operators read them everywhere else: clinic (Moscow) time.</summary>
public static class AlertTime
{
    public static string Moscow(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), ClinicTime.Zone)
            .ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " МСК";
}
