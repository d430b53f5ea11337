using System.Globalization;
using PdBot.Core.Calendar;

namespace PdBot.Core.Clinic;

/// <summary>
/// The clinic's opening hours (<c>Clinic:WorkingHours</c>) on the working days of the production calendar: when an
/// operator can answer, and which consultation times a person may ask for.
/// </summary>
public sealed class ClinicHours
{
    private readonly ProductionCalendar _calendar;

    public ClinicHours(ClinicOptions options, ProductionCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(options);
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        var parts = (options.WorkingHours ?? "").Replace('–', '-').Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(parts[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || from >= to)
        {
            throw new FormatException($"Clinic:WorkingHours: ожидается «ЧЧ:ММ-ЧЧ:ММ» в пределах одного дня, например «09:00-20:00», а указано «{options.WorkingHours}».");
        }

        (Opens, Closes) = (from, to);
    }

    public TimeOnly Opens { get; }

    public TimeOnly Closes { get; }

    /// <summary>A working day of the production calendar (a year the calendar does not know counts Monday–Friday).</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        try
        {
            return _calendar.IsWorkingDay(date);
        }
        catch (CalendarYearMissingException)
        {
            return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        }
    }

    /// <summary>The clinic is open at <paramref name="instant"/>.</summary>
    public bool IsOpen(DateTimeOffset instant)
    {
        var local = Local(instant);
        var time = TimeOnly.FromDateTime(local);
        return IsWorkingDay(DateOnly.FromDateTime(local)) && time >= Opens && time < Closes;
    }

    /// <summary>A consultation may be asked for at this clinic-local day and time: a working day, within the hours.</summary>
    public bool Accepts(DateOnly day, TimeOnly time) => IsWorkingDay(day) && time >= Opens && time < Closes;

    /// <summary><paramref name="instant"/> when open, else the next opening (clinic-local date and time).</summary>
    public DateTime NextOpening(DateTimeOffset instant)
    {
        var local = Local(instant);
        if (IsOpen(instant))
        {
            return local;
        }

        var day = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) >= Opens || !IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day.ToDateTime(Opens);
    }

    /// <summary>The next <paramref name="count"/> working days from <paramref name="from"/> (inclusive).</summary>
    public IReadOnlyList<DateOnly> WorkingDaysFrom(DateOnly from, int count)
    {
        var days = new List<DateOnly>(count);
        for (var d = from; days.Count < count; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                days.Add(d);
            }
        }

        return days;
    }

    /// <summary>
    /// What a person is told about when to expect an answer: «в течение рабочего дня» while open, otherwise the next
    /// opening («завтра после 09:00», «в понедельник, 7 декабря, после 09:00»).
    /// </summary>
    public string ExpectAnswer(DateTimeOffset instant)
    {
        var hours = string.Create(CultureInfo.InvariantCulture, $"{Opens:HH\\:mm}–{Closes:HH\\:mm}");
        if (IsOpen(instant))
        {
            return $"Сотрудник ответит в рабочее время клиники ({hours}), обычно в течение дня.";
        }

        var next = NextOpening(instant);
        var today = DateOnly.FromDateTime(Local(instant));
        var day = DateOnly.FromDateTime(next);
        var when = day == today ? "сегодня" : day == today.AddDays(1) ? "завтра" : On(day);
        return $"Сейчас клиника не работает. Сотрудник ответит {when} после {next:HH\\:mm} (часы работы: {hours} по рабочим дням).";
    }

    /// <summary>«в понедельник, 07.12», «во вторник, 08.12».</summary>
    public static string On(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{(day.DayOfWeek == DayOfWeek.Tuesday ? "во" : "в")} {WeekdayAccusative[(int)day.DayOfWeek]}, {day:dd.MM}");

    private static readonly string[] WeekdayAccusative = ["воскресенье", "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу"];

    private static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, ClinicTime.Zone).DateTime;
}
