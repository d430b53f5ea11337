using Microsoft.AspNetCore.Mvc;
using PdBot.Core.Audit;
using PdBot.Core.Calendar;
using PdBot.Core.Consent;

namespace PdBot.Bot.Admin.Pages;

/// <summary>The consent log: every given / withdrawn / declined / needs-renewal event, filtered, newest first, paged by cursor.</summary>
public sealed class ConsentsModel(IAuditLog audit, ConsentCatalog catalog) : AdminPageModel
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;
    public static readonly string[] Channels = ["telegram", "vk", "local"];

    [BindProperty(SupportsGet = true)]
    public string? Purpose { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Event { get; set; }

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

    public IReadOnlyList<PurposeOptions> Purposes => catalog.Purposes;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public AuditPage Result { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Validate() is { Count: > 0 } errors)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await AuditViewAsync("consent log" + DescribeFilters());
        Result = audit.Page(ToQuery() with { BeforeSeq = Before }, Math.Clamp(Size, 1, MaxSize));
        return Page();
    }

    /// <summary>GET /admin/consents/export?…: the same filters as the page, every matching row, as CSV.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        if (Validate() is { Count: > 0 } errors)
        {
            return BadRequest(string.Join("; ", errors));
        }

        await AuditExportAsync("consent log CSV" + DescribeFilters());
        await CsvDownload.WriteAsync(Response, "consent-log.csv", ExportColumns, audit.Query(ToQuery()).Select(ExportRow));
        return new EmptyResult();
    }

    public static readonly string[] ExportColumns =
        ["seq", "time", "channel", "platform_user_id", "person_id", "purpose", "text_version", "text_hash", "event", "message_id", "buttons", "entry_hash"];

    private static IEnumerable<string?> ExportRow(AuditEntry e) =>
    [
        e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), AdminFormat.IsoUtc(e.TimeUtc), e.Channel, e.UserId, e.PersonId, e.PurposeId,
        e.TextVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture), e.TextHash, e.Event, e.MessageId, string.Join(' ', e.Buttons), e.Hash,
    ];

    /// <summary>The current filters as query-string values, for the pager and the export link.</summary>
    public Dictionary<string, string?> RouteValues(long? before = null) => new()
    {
        ["purpose"] = Purpose,
        ["channel"] = Channel,
        ["event"] = Event,
        ["person"] = Person,
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["size"] = Size == DefaultSize ? null : Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["before"] = before?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private AuditQuery ToQuery() => AuditQuery.ConsentLog(NullIfEmpty(Event)) with
    {
        PurposeId = NullIfEmpty(Purpose),
        Channel = NullIfEmpty(Channel),
        Person = NullIfEmpty(Person?.Trim()),
        FromUtc = From is { } f ? ClinicTime.StartOfDayUtc(f).UtcDateTime : null,
        ToUtc = To is { } t ? ClinicTime.StartOfDayUtc(t.AddDays(1)).UtcDateTime : null,
    };

    private List<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count > 0)
            {
                errors.Add(key is "From" or "To" ? "Дата должна быть в формате ГГГГ-ММ-ДД." : $"Неверное значение поля {key}.");
            }
        }

        if (!string.IsNullOrEmpty(Event) && !AuditEvents.ConsentEvents.Contains(Event))
        {
            errors.Add($"Неизвестное событие «{Event}»: выберите из списка.");
        }

        if (!string.IsNullOrEmpty(Channel) && !Channels.Contains(Channel))
        {
            errors.Add($"Неизвестный канал «{Channel}»: telegram, vk или local.");
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

    // Filter names only: the person filter may be a platform id, which is personal data.
    private string DescribeFilters()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Purpose))
        {
            parts.Add("purpose=" + Purpose);
        }

        if (!string.IsNullOrEmpty(Channel))
        {
            parts.Add("channel=" + Channel);
        }

        if (!string.IsNullOrEmpty(Event))
        {
            parts.Add("event=" + Event);
        }

        if (From is not null || To is not null)
        {
            parts.Add($"dates={From:yyyy-MM-dd}..{To:yyyy-MM-dd}");
        }

        if (!string.IsNullOrEmpty(Person))
        {
            parts.Add("person filter");
        }

        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
