using System.CommandLine;
using System.Globalization;
using PdBot.Bot.Hosting;
using PdBot.Core.Calendar;

namespace PdBot.Bot.Cli;

/// <summary>
/// <c>pdbot calendar due --from YYYY-MM-DD --working-days N</c> and <c>pdbot calendar show YYYY</c>, both taking
/// <c>--Calendar:File PATH</c>. Pure: reads configuration only for <c>Calendar:File</c>, never opens the store.
/// </summary>
public static class CalendarVerb
{
    private const string Iso = "yyyy-MM-dd";

    public static Command Command(CliConsole console)
    {
        // Strings, parsed here: a bad value gets one clear line (exit 2) rather than the parser's help screen.
        var from = new Option<string?>("--from") { Description = "Дата получения, ГГГГ-ММ-ДД (местная дата клиники)" };
        var days = new Option<string?>("--working-days") { Description = "Срок в рабочих днях (целое число больше нуля)" };
        var due = new Command("due", "Срок: N-й рабочий день после даты получения (ст. 191 ГК РФ)") { from, days };
        due.TreatUnmatchedTokensAsErrors = false;
        due.SetAction((parse, _) => DueAsync(console, parse.GetValue(from), parse.GetValue(days), parse.UnmatchedTokens));

        var year = new Argument<string?>("year") { Description = "Год, ГГГГ", Arity = ArgumentArity.ZeroOrOne };
        var show = new Command("show", "Нерабочие дни года и рабочие выходные (переносы)") { year };
        show.TreatUnmatchedTokensAsErrors = false;
        show.SetAction((parse, _) => ShowAsync(console, parse.GetValue(year), parse.UnmatchedTokens));

        return new Command("calendar", "Производственный календарь РФ") { due, show };
    }

    public static async Task<int> DueAsync(CliConsole console, string? from, string? workingDays, IReadOnlyList<string> configArgs)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!DateOnly.TryParseExact(from, Iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var received))
        {
            throw new InvalidOperationException($"calendar due: укажите --from ГГГГ-ММ-ДД, существующую дату ({Got(from)}).");
        }

        if (!int.TryParse(workingDays, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            throw new InvalidOperationException($"calendar due: укажите --working-days N, целое число не меньше 1 ({Got(workingDays)}).");
        }

        var deadline = Guard(() => Load(configArgs).DueAfter(received, n));
        await console.Out.WriteLineAsync(deadline.Due.ToString(Iso, CultureInfo.InvariantCulture));
        if (deadline.Warning is not null)
        {
            await console.Error.WriteLineAsync($"внимание: {deadline.Warning}");
        }

        return 0;
    }

    public static async Task<int> ShowAsync(CliConsole console, string? year, IReadOnlyList<string> configArgs)
    {
        ArgumentNullException.ThrowIfNull(console);
        var calendar = Load(configArgs);
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            var known = string.Join(", ", calendar.Years.Select(c => c.Year));
            throw new InvalidOperationException($"calendar show: укажите год, например calendar show 2026 (годы с данными: {known}; {Got(year)}).");
        }

        var data = Guard(() => calendar.Year(y));
        var status = data.Provisional ? "ПРЕДВАРИТЕЛЬНЫЙ" : "утверждён";
        var off = data.NonWorkingDays();
        var daysInYear = DateTime.IsLeapYear(y) ? 366 : 365;
        await console.Out.WriteLineAsync($"# {y}: {status}, {data.Source}");
        if (data.Note is not null)
        {
            await console.Out.WriteLineAsync($"# {data.Note}");
        }

        await console.Out.WriteLineAsync($"# рабочих дней: {daysInYear - off.Count}, нерабочих: {off.Count}");
        foreach (var day in off.Concat(data.WorkingDays).Order())
        {
            await console.Out.WriteLineAsync($"{day.ToString(Iso, CultureInfo.InvariantCulture)}  {RussianWeekday.Abbreviation(day)}  {Label(data, day)}");
        }

        return 0;
    }

    private static string Got(string? value) => value is null ? "не указано" : $"указано '{value}'";

    private static string Label(CalendarYear year, DateOnly day) =>
        year.WorkingDays.Contains(day) ? "рабочий выходной (перенос)"
        : year.Holidays.Contains(day) ? "праздник или перенесённый выходной"
        : "выходной";

    /// <summary>The calendar with <c>Calendar:File</c> from the usual configuration sources (appsettings, environment, command line).</summary>
    private static ProductionCalendar Load(IReadOnlyList<string> configArgs)
    {
        var builder = new ConfigurationBuilder();
        PdBotConfiguration.AddSources(builder, [.. configArgs]);
        return ProductionCalendar.Create(builder.Build()["Calendar:File"]);
    }

    /// <summary>A year without data is the operator's to load: the CLI's one-line error, exit 2.</summary>
    private static T Guard<T>(Func<T> count)
    {
        try
        {
            return count();
        }
        catch (CalendarYearMissingException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
    }
}
