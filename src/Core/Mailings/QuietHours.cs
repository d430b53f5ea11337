using System.Globalization;
using PdBot.Core.Calendar;

namespace PdBot.Core.Mailings;

/// <summary>
/// The clinic-local daily window when mailings may go out (<c>Mailings:QuietHours</c>, default 09:00–21:00 Moscow
/// time): nothing is sent outside it, and a running mailing waits for the next opening.
/// </summary>
public sealed class QuietHours
{
    private QuietHours(TimeOnly from, TimeOnly to) => (From, To) = (from, to);

    public TimeOnly From { get; }

    public TimeOnly To { get; }

    /// <summary>"09:00-21:00" (a dash or an en dash); a window may cross midnight ("20:00-08:00").</summary>
    public static QuietHours Parse(string? text)
    {
        var parts = (text ?? "").Replace('–', '-').Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(parts[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || from == to)
        {
            throw new FormatException($"Mailings:QuietHours: ожидается «ЧЧ:ММ-ЧЧ:ММ», например «09:00-21:00», а указано «{text}».");
        }

        return new QuietHours(from, to);
    }

    /// <summary>True when a mailing may be sent at <paramref name="instant"/>.</summary>
    public bool Allows(DateTimeOffset instant)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ClinicTime.Zone).DateTime);
        return From < To ? local >= From && local < To : local >= From || local < To;
    }

    /// <summary><paramref name="instant"/> itself when sending is allowed then; otherwise the next opening of the window.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant)
    {
        if (Allows(instant))
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, ClinicTime.Zone);
        var opening = local.Date + From.ToTimeSpan();
        if (opening <= local.DateTime)
        {
            opening = opening.AddDays(1);
        }

        var offset = ClinicTime.Zone.GetUtcOffset(opening);
        return new DateTimeOffset(opening, offset).ToUniversalTime();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From:HH\\:mm}–{To:HH\\:mm}");
}
