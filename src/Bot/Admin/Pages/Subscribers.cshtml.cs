using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PdBot.Adapters.Telegram;
using PdBot.Adapters.Vk;
using PdBot.Bot.Admin.Subscribers;
using PdBot.Core.Audit;
using PdBot.Core.Calendar;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// People and their consents: state per purpose, channel, topics, source and date, filtered; the CSV of current
/// subscribers; a chart of subscriptions per day; and the subscription-link builder with QR codes.
/// </summary>
public sealed class SubscribersModel(
    IConsentStore consents, ConsentCatalog catalog, IAuditLog audit, MailingService mailings,
    IOptions<TelegramOptions> telegram, IOptions<VkOptions> vk, TimeProvider time) : AdminPageModel
{
    /// <summary>Rows shown on the page; the CSV has them all.</summary>
    public const int MaxRows = 500;

    public static readonly string[] Channels = ["telegram", "vk", "local"];

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public ConsentState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    /// <summary>The link builder's source name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Link { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<SubscriberRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<SubscriptionDay> Chart { get; private set; } = [];

    public string ChartSvg => SubscriptionChartSvg.Render(Chart);

    public SubscriptionLinks? Links { get; private set; }

    public string? LinkError { get; private set; }

    public IReadOnlyList<PurposeOptions> Purposes => catalog.Purposes;

    public MailingOptions Options => mailings.Options;

    public string MailingPurpose => catalog.Mailing.Id;

    public async Task<IActionResult> OnGetAsync()
    {
        Chart = SubscriptionChart.Count(audit, catalog.Mailing.Id, ClinicTime.Today(time));
        BuildLinks();
        if (Validate() is { Count: > 0 } errors)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await AuditViewAsync("subscribers" + Filter().Describe());
        var matching = SubscriberList.Load(consents, catalog).Where(Filter().Matches).ToList();
        Total = matching.Count;
        Rows = matching.Take(MaxRows).ToList();
        return Page();
    }

    /// <summary>GET /admin/subscribers/export?…: the current subscribers (mailing consent given) under the other filters.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        if (Validate() is { Count: > 0 } errors)
        {
            return BadRequest(string.Join("; ", errors));
        }

        var filter = Filter() with { MailingState = ConsentState.Given };
        await AuditExportAsync("subscribers CSV" + filter.Describe());
        var rows = SubscriberList.Load(consents, catalog).Where(filter.Matches);
        await CsvDownload.WriteAsync(Response, "subscribers.csv", ExportColumns, rows.Select(ExportRow));
        return new EmptyResult();
    }

    public static readonly string[] ExportColumns = ["person_id", "channel", "topics", "source", "subscribed_at", "consent_version", "consent_text_hash"];

    /// <summary>The topics' titles, or «все темы» when none were chosen (every topic is followed).</summary>
    public string TopicsOf(SubscriberRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Mailing is not { } m ? "—"
            : m.Topics is null ? "все темы"
            : m.Topics.Count == 0 ? "ни одной"
            : string.Join(", ", m.Topics.Select(t => Options.FindTopic(t)?.Title ?? t));
    }

    /// <summary>The current filters as query-string values, for the export link.</summary>
    public Dictionary<string, string?> RouteValues() => new()
    {
        ["channel"] = Channel,
        ["topic"] = Topic,
        ["source"] = Source,
    };

    private IEnumerable<string?> ExportRow(SubscriberRow row)
    {
        var m = row.Mailing!;
        return
        [
            row.Person.Id, row.Person.Channel, m.Topics is null ? "*" : string.Join(' ', m.Topics), row.Source,
            m.GivenAtUtc is { } at ? AdminFormat.IsoUtc(at) : null, m.TextVersion.ToString(CultureInfo.InvariantCulture), m.TextHash,
        ];
    }

    private SubscriberFilter Filter() => new(NullIfEmpty(Channel), State, NullIfEmpty(Topic), NullIfEmpty(Source?.Trim()));

    private void BuildLinks()
    {
        var link = Link?.Trim();
        if (string.IsNullOrEmpty(link))
        {
            return;
        }

        if (!SubscriptionLinks.IsValidSource(link))
        {
            LinkError = $"Название источника — от 1 до {SubscriptionLinks.MaxSource} латинских букв, цифр, «_» или «-», без пробелов.";
            return;
        }

        Links = SubscriptionLinks.Build(link, telegram.Value, vk.Value);
    }

    private List<string> Validate()
    {
        var errors = new List<string>();
        if (ModelState.ContainsKey(nameof(State)) && ModelState[nameof(State)]!.Errors.Count > 0)
        {
            errors.Add("Неизвестное состояние согласия: выберите из списка.");
        }

        if (!string.IsNullOrEmpty(Channel) && !Channels.Contains(Channel))
        {
            errors.Add($"Неизвестный канал «{Channel}»: выберите из списка.");
        }

        if (State is { } s && !Enum.IsDefined(s))
        {
            errors.Add("Неизвестное состояние согласия: выберите из списка.");
        }

        if (!string.IsNullOrEmpty(Topic) && Options.FindTopic(Topic) is null)
        {
            errors.Add($"Неизвестная тема «{Topic}»: выберите из списка.");
        }

        if (Source is { Length: > SubscriptionLinks.MaxSource })
        {
            errors.Add($"Источник — не длиннее {SubscriptionLinks.MaxSource} символов.");
        }

        return errors;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
