using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Mailings;

/// <summary>Tells the console when quiet hours hold a mailing back, and until when.</summary>
public static class MailingQuietHoursNote
{
    /// <summary>Null when the hours allow sending now or the mailing is not waiting to send.</summary>
    public static string? For(Mailing mailing, QuietHours hours, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        ArgumentNullException.ThrowIfNull(hours);
        var due = mailing.State == MailingState.Sending
            || (mailing.State == MailingState.Scheduled && (mailing.SendAtUtc is null || mailing.SendAtUtc <= now.UtcDateTime));
        if (!due || hours.Allows(now))
        {
            return null;
        }

        var next = hours.NextAllowed(now).UtcDateTime;
        return $"Сейчас тихие часы: рассылки уходят только с {hours} МСК. Отправка {(mailing.State == MailingState.Sending ? "продолжится" : "начнётся")} {AdminFormat.Time(next)}.";
    }

    /// <summary>The page header's line: whether mailings may go out right now.</summary>
    public static string Now(QuietHours hours, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return hours.Allows(now)
            ? $"Рассылки отправляются с {hours} МСК; сейчас отправка разрешена."
            : $"Рассылки отправляются с {hours} МСК; сейчас тихие часы, отправка возобновится {AdminFormat.Time(hours.NextAllowed(now).UtcDateTime)}.";
    }
}
