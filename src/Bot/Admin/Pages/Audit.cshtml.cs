using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PdBot.Core.Admin;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Labels;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// The whole audit trail for admins and auditors: the hash-chain check on top, then every entry, filtered,
/// newest first, paged by cursor, with a CSV export of the same view.
/// </summary>
/// <remarks>
/// Verifying rereads and rehashes every entry (seconds on a 100,000-entry trail), so it runs only when the
/// page is opened plain (no filters, no cursor) or when asked for with «Проверить цепочку» (<c>?verify=1</c>).
/// Changing filters or paging then stays fast, and the landing view still always shows a fresh result.
/// </remarks>
[Authorize(Policy = AdminPolicies.Audit)]
public sealed partial class AuditModel(IAuditLog audit, ConsentCatalog catalog, IMailingStore mailings) : AuditViewPageModel
{
    /// <summary>The kinds of entry PdBot writes, for the filter list (an unlisted kind can still be typed into the URL).</summary>
    public static readonly string[] Kinds = [AuditEvents.ConsentKind, AuditEvents.PersonKind, "request", "retention", AdminEvents.Kind, PdBot.Core.ApiKeys.ApiKeyEvents.Kind, PdBot.Core.ApiKeys.ApiKeyEvents.CallKind];

    public static readonly string[] Channels = ["telegram", "vk", "local", AdminEvents.Channel];

    protected override IReadOnlyList<string> AllowedChannels => Channels;

    public static readonly string[] ExportColumns =
        ["seq", "time_utc", "kind", "event", "channel", "user_id", "person_id", "purpose", "text_version", "text_hash", "actor", "detail", "buttons", "prev_hash", "hash"];

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Event { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    /// <summary>"1" (or "true") asks for the chain check on a filtered or paged view.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Verify { get; set; }

    public string PurposeTitle(string? purposeId) => RussianLabels.Purpose(catalog, purposeId);

    public string DetailText(string? detail) => RussianLabels.Detail(detail, catalog);

    public bool VerifyRequested => Verify is "1" or "true";

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public AuditPage Result { get; private set; } = new([], null);

    /// <summary>The chain check, or null when it was not run for this view.</summary>
    public AuditVerification? Verification { get; private set; }

    /// <summary>The mailings' delivery ledgers against their recorded hashes, checked with the chain.</summary>
    public LedgerVerification? Ledgers { get; private set; }

    public bool HasFilters =>
        !string.IsNullOrEmpty(Kind) || !string.IsNullOrEmpty(Event) || !string.IsNullOrEmpty(Actor) || !string.IsNullOrEmpty(Channel)
        || !string.IsNullOrEmpty(Person) || From is not null || To is not null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Validate() is { Count: > 0 } errors)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Audited first, so the count the check shows includes this very view.
        await AuditViewAsync("audit trail" + DescribeFilters());
        if (VerifyRequested || (Before is null && !HasFilters))
        {
            Verification = audit.Verify();
            Ledgers = LedgerCheck.Run(audit.OfKind(MailingEvents.Kind), mailings);
        }

        Result = audit.Page(ToQuery() with { BeforeSeq = Before }, Math.Clamp(Size, 1, MaxSize));
        return Page();
    }

    /// <summary>GET /admin/audit/export?…: the same filters as the page, every matching entry, as CSV.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        if (Validate() is { Count: > 0 } errors)
        {
            return BadRequest(string.Join("; ", errors));
        }

        await AuditExportAsync("audit trail CSV" + DescribeFilters());
        await CsvDownload.WriteAsync(Response, "audit-trail.csv", ExportColumns, audit.Query(ToQuery()).Select(ExportRow));
        return new EmptyResult();
    }

    private static IEnumerable<string?> ExportRow(AuditEntry e) =>
    [
        e.Seq.ToString(CultureInfo.InvariantCulture), AdminFormat.IsoUtc(e.TimeUtc), e.Kind, e.Event, e.Channel, e.UserId, e.PersonId, e.PurposeId,
        e.TextVersion?.ToString(CultureInfo.InvariantCulture), e.TextHash, e.Actor, e.Detail, string.Join(' ', e.Buttons), e.PrevHash, e.Hash,
    ];

    /// <summary>The current filters as query-string values, for the pager, the export link and the check button.</summary>
    public Dictionary<string, string?> RouteValues(long? before = null, bool verify = false) => new(CommonRouteValues(before))
    {
        ["kind"] = Kind,
        ["event"] = Event,
        ["actor"] = Actor,
        ["verify"] = verify ? "1" : null,
    };

    /// <summary>The check's problem code (as the CLI prints it) in words.</summary>
    public static string ProblemText(string? problem) => AuditVerification.ProblemText(problem);

    /// <summary>The first characters of a hash, enough to compare by eye; the full one goes into the title.</summary>
    public static string ShortHash(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;

    private AuditQuery ToQuery() => WithCommonFilters(new AuditQuery
    {
        Kind = NullIfEmpty(Kind),
        Events = string.IsNullOrWhiteSpace(Event) ? [] : [Event.Trim()],
        Actor = NullIfEmpty(Actor?.Trim()),
    });

    private List<string> Validate()
    {
        var errors = CommonErrors();
        if (!string.IsNullOrEmpty(Kind) && !Token().IsMatch(Kind))
        {
            errors.Add("Вид записи — латинские строчные буквы, цифры и дефис; выберите из списка.");
        }

        if (!string.IsNullOrWhiteSpace(Event) && !Token().IsMatch(Event.Trim()))
        {
            errors.Add("Событие — латинские строчные буквы, цифры и дефис, например given или sign-in.");
        }

        if (!string.IsNullOrWhiteSpace(Actor) && AdminEvents.LoginProblem(Actor) is not null)
        {
            errors.Add("Исполнитель — одно слово без пробелов, не длиннее 64 символов (person, system или логин).");
        }

        return errors;
    }

    // Actor values are staff logins or "person"/"system", which the trail records anyway.
    private string DescribeFilters()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Kind))
        {
            parts.Add("kind=" + Kind);
        }

        if (!string.IsNullOrWhiteSpace(Event))
        {
            parts.Add("event=" + Event.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            parts.Add("actor=" + Actor.Trim());
        }

        return DescribeFilters(parts);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex Token();
}
