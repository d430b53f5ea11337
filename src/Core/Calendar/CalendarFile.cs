using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PdBot.Core.Calendar;

/// <summary>
/// Reads production-calendar years from JSON: the shipped <c>calendar-ru.json</c> and an operator's
/// <c>Calendar:File</c> share one format. The data decide deadlines with legal weight, so anything
/// doubtful (a typo in a key, a holiday on a Sunday, a date in the wrong year) is refused, not guessed.
/// </summary>
internal static class CalendarFile
{
    private const string ShippedResource = "PdBot.Core.Calendar.calendar-ru.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The years shipped with the code.</summary>
    public static IReadOnlyList<CalendarYear> Shipped()
    {
        using var stream = typeof(CalendarFile).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"Встроенный производственный календарь ({ShippedResource}) отсутствует в сборке.");
        return Read(stream, "встроенном календаре");
    }

    /// <summary>The years in an operator's file; a path relative to the working directory.</summary>
    public static IReadOnlyList<CalendarYear> Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InvalidOperationException($"Файл календаря {full} (Calendar:File) не найден.");
        }

        using var stream = File.OpenRead(full);
        return Read(stream, $"файле календаря {full}");
    }

    public static IReadOnlyList<CalendarYear> Read(Stream json, string origin)
    {
        CalendarFileDto? file;
        try
        {
            file = JsonSerializer.Deserialize<CalendarFileDto>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"В {origin}: {ex.Message}", ex);
        }

        if (file?.Years is not { Count: > 0 } entries)
        {
            throw new InvalidOperationException($"В {origin}: нет списка \"years\".");
        }

        var years = entries.Select(e => ToYear(e, origin)).ToList();
        var twice = years.GroupBy(y => y.Year).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? years : throw new InvalidOperationException($"В {origin}: {twice.Key} год указан дважды.");
    }

    private static CalendarYear ToYear(CalendarYearDto e, string origin)
    {
        if (e.Year is not (>= 1992 and <= 9998) || e.Provisional is null || string.IsNullOrWhiteSpace(e.Source))
        {
            // Provisional is required, not defaulted: a year must say whether its decree is in.
            throw new InvalidOperationException($"В {origin}: у каждого года должны быть \"year\", \"provisional\" (true/false) и \"source\" (постановление).");
        }

        var year = e.Year.Value;
        var holidays = Dates(e.Holidays, year, origin, "holidays", weekend: false);
        var working = Dates(e.WorkingDays, year, origin, "workingDays", weekend: true);
        return new CalendarYear(year, e.Provisional.Value, e.Source.Trim(), e.Note, holidays, working);
    }

    /// <summary>Holidays are listed only when they fall Monday to Friday, working days only on a weekend: anything else is a typo.</summary>
    private static HashSet<DateOnly> Dates(List<DateOnly>? dates, int year, string origin, string key, bool weekend)
    {
        var set = new HashSet<DateOnly>();
        foreach (var d in dates ?? [])
        {
            var problem =
                d.Year != year ? $"не относится к {year} году"
                : CalendarYear.IsWeekend(d) != weekend ? (weekend ? "не суббота и не воскресенье" : "выходной день (указывайте только нерабочие будни)")
                : !set.Add(d) ? "указана дважды"
                : null;
            if (problem is not null)
            {
                throw new InvalidOperationException($"В {origin}, {year} год, \"{key}\": {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({RussianWeekday.Abbreviation(d)}) {problem}.");
            }
        }

        return set;
    }

    private sealed record CalendarFileDto(List<CalendarYearDto>? Years);

    private sealed record CalendarYearDto(
        int? Year,
        bool? Provisional,
        string? Source,
        string? Note,
        List<DateOnly>? Holidays,
        List<DateOnly>? WorkingDays);
}
