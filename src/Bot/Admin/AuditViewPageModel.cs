using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PdBot.Core.Audit;
using PdBot.Core.Calendar;

namespace PdBot.Bot.Admin;

/// <summary>
/// What the consent log and the audit page share: the channel / person / date-range filters, the cursor pager,
/// their checks with Russian errors, and how they become an <see cref="AuditQuery"/>, a query string and the
/// audit detail of a view.
/// </summary>
public abstract class AuditViewPageModel : AdminPageModel
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Size { get; set; } = DefaultSize;

    /// <summary>The channels this view can filter by.</summary>
    protected abstract IReadOnlyList<string> AllowedChannels { get; }

    /// <summary>The shared filters' problems, in Russian; a page adds its own.</summary>
    protected List<string> CommonErrors()
    {
        var errors = new List<string>();
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count > 0)
            {
                errors.Add(key switch
                {
                    "From" or "To" => "Дата должна быть в формате ГГГГ-ММ-ДД.",
                    "Before" => "Неверный номер записи для перехода по страницам.",
                    "Size" => $"Размер страницы — число от 1 до {MaxSize}.",
                    _ => $"Неверное значение поля {key}.",
                });
            }
        }

        if (!string.IsNullOrEmpty(Channel) && !AllowedChannels.Contains(Channel))
        {
            errors.Add($"Неизвестный канал «{Channel}»: {string.Join(", ", AllowedChannels)}.");
        }

        if (From is { } from && To is { } to && from > to)
        {
            errors.Add("Дата «с» позже даты «по».");
        }

        if (Size is < 1 or > MaxSize)
        {
            errors.Add($"Размер страницы — от 1 до {MaxSize}.");
        }

        return errors;
    }

    /// <summary>Adds the shared filters to a page's query; the dates are clinic dates, the "to" day included.</summary>
    protected AuditQuery WithCommonFilters(AuditQuery query) => query with
    {
        Channel = NullIfEmpty(Channel),
        Person = NullIfEmpty(Person?.Trim()),
        FromUtc = From is { } f ? ClinicTime.StartOfDayUtc(f).UtcDateTime : null,
        ToUtc = To is { } t ? ClinicTime.StartOfDayUtc(t.AddDays(1)).UtcDateTime : null,
    };

    /// <summary>The shared filters as query-string values, for the pager and the export link.</summary>
    protected Dictionary<string, string?> CommonRouteValues(long? before) => new()
    {
        ["channel"] = Channel,
        ["person"] = Person,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["size"] = Size == DefaultSize ? null : Size.ToString(CultureInfo.InvariantCulture),
        ["before"] = before?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// " (name=value, …)" for the audit detail of a view, after the page's own parts. Filter names only for the
    /// person: it may be a platform id, which is personal data.
    /// </summary>
    protected string DescribeFilters(List<string> pageParts)
    {
        ArgumentNullException.ThrowIfNull(pageParts);
        var parts = new List<string>(pageParts);
        if (!string.IsNullOrEmpty(Channel))
        {
            parts.Add("channel=" + Channel);
        }

        if (From is not null || To is not null)
        {
            parts.Add($"dates={From:yyyy-MM-dd}..{To:yyyy-MM-dd}");
        }

        if (!string.IsNullOrWhiteSpace(Person))
        {
            parts.Add("person filter");
        }

        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }

    protected static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
