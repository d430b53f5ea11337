using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PdBot.Bot.Admin.Requests;
using PdBot.Core.Requests;

namespace PdBot.Bot.Admin.Pages;

/// <summary>The queue of subject requests, soonest due first, with the working days left coloured; CSV of the same view.</summary>
public sealed class RequestsModel(RequestService requests) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public RequestType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequestState? State { get; set; }

    /// <summary>Also show answered and refused requests (the queue itself holds only open ones).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Closed { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<RequestRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Validate() is { Count: > 0 } errors)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The queue links every request to a person: seeing it is seeing personal data.
        await AuditViewAsync("request queue" + DescribeFilters());
        Rows = Load();
        return Page();
    }

    /// <summary>GET /admin/requests/export?…: the rows the page shows, as CSV. Document numbers are never exported.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        if (Validate() is { Count: > 0 } errors)
        {
            return BadRequest(string.Join("; ", errors));
        }

        await AuditExportAsync("request queue CSV" + DescribeFilters());
        await CsvDownload.WriteAsync(Response, "requests.csv", ExportColumns, Load().Select(ExportRow));
        return new EmptyResult();
    }

    public static readonly string[] ExportColumns =
        ["id", "type", "state", "received", "due", "original_due", "provisional", "working_days_left", "identity_confirmed", "extension_reason", "refusal_prepared", "person_id"];

    private static IEnumerable<string?> ExportRow(RequestRow row)
    {
        var r = row.Request;
        var ic = CultureInfo.InvariantCulture;
        return
        [
            r.Id.ToString(ic), r.Type.ToString(), r.State.ToString(), r.ReceivedAtUtc is { } at ? AdminFormat.IsoUtc(at) : null,
            r.DueDate?.ToString("yyyy-MM-dd", ic), r.OriginalDueDate?.ToString("yyyy-MM-dd", ic), r.DueIsProvisional ? "yes" : "no",
            row.DaysLeft?.ToString(ic), r.IdentityConfirmed ? "yes" : "no", r.ExtensionReason, r.ProposedRefusal is null ? "no" : "yes", r.PersonId,
        ];
    }

    /// <summary>The current filters as query-string values, for the export link.</summary>
    public Dictionary<string, string?> RouteValues() => new()
    {
        ["type"] = Type?.ToString(),
        ["state"] = State?.ToString(),
        ["closed"] = Closed ? "true" : null,
    };

    private List<RequestRow> Load()
    {
        IEnumerable<SubjectRequest> source = Closed ? requests.All() : requests.Queue();

        // Intakes still being filled in have no clock yet: they are not the operator's to act on.
        return [.. source
            .Where(r => r.ReceivedAtUtc is not null)
            .Where(r => Type is null || r.Type == Type)
            .Where(r => State is null || r.State == State)
            .OrderBy(r => r.IsOpen ? 0 : 1)
            .ThenBy(r => r.DueDate ?? DateOnly.MaxValue)
            .ThenBy(r => r.Id)
            .Select(r => RequestRow.Of(requests, r))];
    }

    private List<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count > 0)
            {
                errors.Add($"Неверное значение поля {key}: выберите из списка.");
            }
        }

        if (Type is { } t && !Enum.IsDefined(t))
        {
            errors.Add("Неизвестный тип запроса: выберите из списка.");
        }

        if (State is { } s && !Enum.IsDefined(s))
        {
            errors.Add("Неизвестное состояние запроса: выберите из списка.");
        }

        return errors;
    }

    private string DescribeFilters()
    {
        var parts = new List<string>();
        if (Type is not null)
        {
            parts.Add("type=" + Type);
        }

        if (State is not null)
        {
            parts.Add("state=" + State);
        }

        if (Closed)
        {
            parts.Add("closed");
        }

        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }
}
