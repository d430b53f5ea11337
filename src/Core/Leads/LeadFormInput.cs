using System.Globalization;
using System.Text.RegularExpressions;
using PdBot.Core.Clinic;
using PdBot.Core.Text;

namespace PdBot.Core.Leads;

/// <summary>The typed answers of the request form: a name, a day («15.12», «завтра», «в пятницу»), a time («14:30», «14»).</summary>
public static partial class LeadFormInput
{
    public const int MaxNameLength = 60;

    private static readonly string[][] Weekdays =
    [
        ["воскресенье", "вс"], ["понедельник", "пн"], ["вторник", "вт"], ["среда", "среду", "ср"],
        ["четверг", "чт"], ["пятница", "пятницу", "пт"], ["суббота", "субботу", "сб"],
    ];

    /// <summary>The name as the person wrote it, or a message why not.</summary>
    public static (string? Name, string? Error) Name(string text)
    {
        var name = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length == 0 || !name.Any(char.IsLetter))
        {
            return (null, "Напишите, пожалуйста, имя буквами — как к вам обращаться.");
        }

        if (name.Any(char.IsDigit))
        {
            return (null, "В имени не должно быть цифр. Телефон спросим следующим вопросом — сейчас только имя.");
        }

        return name.Length > MaxNameLength
            ? (null, $"Слишком длинно: напишите только имя (до {MaxNameLength} знаков).")
            : (name, null);
    }

    /// <summary>
    /// A day for the consultation: a working day of the production calendar, from today up to
    /// <paramref name="maxDaysAhead"/> days ahead; otherwise a message why not.
    /// </summary>
    public static (DateOnly? Day, string? Error) Day(string text, DateOnly today, ClinicHours hours, int maxDaysAhead)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (ParseDay(text, today) is not { } day)
        {
            return (null, "Не получилось понять дату. Выберите день кнопкой или напишите дату, например «15.12», «завтра» или «в пятницу».");
        }

        var shown = day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        if (day < today)
        {
            return (null, $"{shown} уже прошло. Выберите день не раньше сегодняшнего.");
        }

        if (day > today.AddDays(maxDaysAhead))
        {
            return (null, $"{shown} — слишком далеко: заявку можно оставить на ближайшие {maxDaysAhead} дней. Выберите день раньше.");
        }

        return hours.IsWorkingDay(day)
            ? (day, null)
            : (null, $"{shown} — нерабочий день клиники (выходной или праздник по производственному календарю). Выберите рабочий день.");
    }

    /// <summary>A time within the clinic's hours (and later than now when the day is today); otherwise a message why not.</summary>
    public static (TimeOnly? Time, string? Error) Time(string text, DateOnly day, DateTime localNow, ClinicHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var m = TimePattern().Match(ChatText.Normalize(text));
        if (!m.Success || !int.TryParse(m.Groups["h"].Value, CultureInfo.InvariantCulture, out var h)
            || h > 23 || !int.TryParse(m.Groups["m"].Success ? m.Groups["m"].Value : "0", CultureInfo.InvariantCulture, out var min) || min > 59)
        {
            return (null, "Не получилось понять время. Выберите время кнопкой или напишите, например, «14:30» или «14».");
        }

        var time = new TimeOnly(h, min);
        var range = string.Create(CultureInfo.InvariantCulture, $"с {hours.Opens:HH\\:mm} до {hours.Closes:HH\\:mm}");
        if (time < hours.Opens || time >= hours.Closes)
        {
            return (null, $"{time:HH\\:mm} — клиника в это время не работает: часы работы {range}. Выберите время в эти часы.");
        }

        return day == DateOnly.FromDateTime(localNow) && time <= TimeOnly.FromDateTime(localNow)
            ? (null, $"{time:HH\\:mm} сегодня уже прошло. Выберите более позднее время или другой день (начните заново).")
            : (time, null);
    }

    private static DateOnly? ParseDay(string text, DateOnly today)
    {
        var t = PrepositionPattern().Replace(ChatText.Normalize(text), "");
        switch (t)
        {
            case "сегодня":
                return today;
            case "завтра":
                return today.AddDays(1);
            case "послезавтра":
                return today.AddDays(2);
        }

        for (var i = 0; i < Weekdays.Length; i++)
        {
            if (Weekdays[i].Contains(t))
            {
                var ahead = ((i - (int)today.DayOfWeek + 7) % 7) is 0 ? 7 : (i - (int)today.DayOfWeek + 7) % 7;
                return today.AddDays(ahead);
            }
        }

        var m = DatePattern().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var y = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : today.Year;
        y = y < 100 ? 2000 + y : y;
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            return null;
        }

        var date = new DateOnly(y, mo, d);

        // «15.01» typed in December means next January; «20.11» typed on 23.11 is a day in the past.
        return !m.Groups["y"].Success && date.AddDays(60) < today ? date.AddYears(1) : date;
    }

    [GeneratedRegex(@"^(?:в|во|на) ")]
    private static partial Regex PrepositionPattern();

    [GeneratedRegex(@"^(?<d>\d{1,2})[./](?<m>\d{1,2})(?:[./](?<y>\d{2}|\d{4}))?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?:в |к )?(?<h>\d{1,2})(?:[:.\- ](?<m>\d{2}))?(?: ?час(?:а|ов)?)?$")]
    private static partial Regex TimePattern();
}
