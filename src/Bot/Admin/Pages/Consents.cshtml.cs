using Microsoft.AspNetCore.Mvc;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Labels;

namespace PdBot.Bot.Admin.Pages;

/// <summary>The consent log: every given / withdrawn / declined / needs-renewal event, filtered, newest first, paged by cursor.</summary>
public sealed class ConsentsModel(IAuditLog audit, ConsentCatalog catalog) : AuditViewPageModel
{
    public static readonly string[] Channels = ["telegram", "vk", "local"];

    [BindProperty(SupportsGet = true)]
    public string? Purpose { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Event { get; set; }

    protected override IReadOnlyList<string> AllowedChannels => Channels;

    public IReadOnlyList<PurposeOptions> Purposes => catalog.Purposes;

    public string PurposeTitle(string? purposeId) => RussianLabels.Purpose(catalog, purposeId);

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
    public Dictionary<string, string?> RouteValues(long? before = null) => new(CommonRouteValues(before))
    {
        ["purpose"] = Purpose,
        ["event"] = Event,
    };

    private AuditQuery ToQuery() => WithCommonFilters(AuditQuery.ConsentLog(NullIfEmpty(Event)) with { PurposeId = NullIfEmpty(Purpose) });

    private List<string> Validate()
    {
        var errors = CommonErrors();
        if (!string.IsNullOrEmpty(Event) && !AuditEvents.ConsentEvents.Contains(Event))
        {
            errors.Add($"Неизвестное событие «{Event}»: выберите из списка.");
        }

        return errors;
    }

    private string DescribeFilters()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Purpose))
        {
            parts.Add("purpose=" + Purpose);
        }

        if (!string.IsNullOrEmpty(Event))
        {
            parts.Add("event=" + Event);
        }

        return DescribeFilters(parts);
    }
}
