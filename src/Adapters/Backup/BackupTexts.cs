using System.Globalization;

namespace PdBot.Adapters.Backup;

/// <summary>How backups read in the CLI and the console (Russian).</summary>
public static class BackupTexts
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>«12,3 МБ».</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(Russian, $"{bytes} Б"),
        < 1024 * 1024 => string.Create(Russian, $"{bytes / 1024.0:F1} КБ"),
        < 1024L * 1024 * 1024 => string.Create(Russian, $"{bytes / 1048576.0:F1} МБ"),
        _ => string.Create(Russian, $"{bytes / 1073741824.0:F2} ГБ"),
    };

    /// <summary>«23.11.2026 12:00» in the clinic's time.</summary>
    public static string When(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), PdBot.Core.Calendar.ClinicTime.Zone)
            .ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>«1,25 с».</summary>
    public static string Seconds(TimeSpan took) => string.Create(Russian, $"{took.TotalSeconds:F2} с");

    /// <summary>«людей — 3, согласий — 2, записей аудита — 7; цепочка цела».</summary>
    public static string Contents(BackupReport check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return string.Create(Russian, $"людей — {check.Persons:N0}, согласий — {check.Consents:N0}, записей аудита — {check.AuditEntries:N0}; цепочка цела");
    }
}
