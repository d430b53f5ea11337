using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PdBot.Bot.Admin.Incidents;
using PdBot.Bot.Admin.Mailings;
using PdBot.Core.Consent;
using PdBot.Core.Incidents;
using PdBot.Core.Operator;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// One incident: its fields (edit), both notices to Roskomnadzor ready to copy or print (<c>?print=1</c>), «Отметить
/// отправку», the people affected and their service notice, the history. Admins act; auditors read. Every change
/// goes through <see cref="IncidentService"/> / <see cref="AffectedPeople"/>, which audit it.
/// </summary>
[Authorize(Policy = AdminPolicies.Audit)]
public sealed class IncidentDetailModel(IncidentService incidents, AffectedPeople affected, IOptions<OperatorOptions> op, ConsentCatalog catalog) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    /// <summary><c>?print=1</c>: the notices alone, for the printer.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Print { get; set; }

    public bool IsPrint => Print is "1" or "true";

    [BindProperty]
    public IncidentForm Form { get; set; } = new();

    [BindProperty]
    public AffectedForm Affected { get; set; } = new();

    [BindProperty]
    public string? NoticeText { get; set; }

    public Incident Current { get; private set; } = null!;

    public IncidentNotice First { get; private set; } = null!;

    public IncidentNotice Results { get; private set; } = null!;

    public IReadOnlyList<IncidentDeadline> Running { get; private set; } = [];

    /// <summary>What sending now would do: the listed people without a notice yet.</summary>
    public AffectedCount ToNotify { get; private set; } = new(0, 0, 0, 0);

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Which form the errors belong to: "edit", "affected", "send", "notice", "results", "dismiss".</summary>
    public string? ErrorsOf { get; private set; }

    public IReadOnlyList<PurposeOptions> Purposes => catalog.Purposes;

    public DateTime Now => incidents.Time.GetUtcNow().UtcDateTime;

    public bool CanChange => IsAdmin && !IncidentMachine.IsFinal(Current.State);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Form = IncidentForm.From(Current);
        NoticeText = ServiceNoticeText.Default(Current, op.Value);
        return Page();
    }

    public Task<IActionResult> OnPostEditAsync() => ActAsync("edit", async () =>
    {
        var (fields, errors) = Form.ToFields(Now);
        return errors.Count > 0 ? errors : await incidents.EditAsync(Id, fields, AdminLogin, HttpContext.RequestAborted)
            ? Done("Изменения сохранены.")
            : Refused();
    });

    public Task<IActionResult> OnPostConfirmAsync() => ActAsync("confirm", async () =>
        await incidents.ConfirmAsync(Id, AdminLogin, HttpContext.RequestAborted) ? Done("Инцидент подтверждён и зарегистрирован.") : Refused());

    public Task<IActionResult> OnPostDismissAsync([FromForm] string? reason) => ActAsync("dismiss", async () =>
        string.IsNullOrWhiteSpace(reason) ? ["Укажите причину, по которой это не инцидент."]
        : await incidents.DismissAsync(Id, reason, AdminLogin, HttpContext.RequestAborted) ? Done("Кандидат отклонён.") : Refused());

    public Task<IActionResult> OnPostNoticeAsync([FromForm] string? sentAt, [FromForm] string? via) =>
        MarkAsync("notice", sentAt, via, (at, how) => incidents.MarkNoticeSentAsync(Id, at, how, AdminLogin, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostResultsAsync([FromForm] string? sentAt, [FromForm] string? via) =>
        MarkAsync("results", sentAt, via, (at, how) => incidents.MarkResultsSentAsync(Id, at, how, AdminLogin, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostCloseAsync() => ActAsync("close", async () =>
        await incidents.CloseAsync(Id, AdminLogin, HttpContext.RequestAborted) ? Done("Инцидент закрыт.") : Refused());

    /// <summary>«Подобрать»: the selection becomes the incident's list; the page then shows the count before sending.</summary>
    public Task<IActionResult> OnPostSelectAsync() => ActAsync("affected", async () =>
    {
        var (query, errors) = Affected.ToQuery();
        if (errors.Count > 0)
        {
            return errors;
        }

        var count = await affected.SelectAsync(Id, query, AdminLogin, HttpContext.RequestAborted);
        return count is null ? Refused() : Done($"Выбрано субъектов: {count.Total}. {count.Summary}.");
    });

    /// <summary>«Отправить уведомление»: to every listed person without one yet, through their channel.</summary>
    public Task<IActionResult> OnPostSendAsync() => ActAsync("send", async () =>
    {
        if (string.IsNullOrWhiteSpace(NoticeText))
        {
            return ["Текст уведомления не может быть пустым."];
        }

        var before = Current.Deliveries.Count;
        var queued = await affected.SendAsync(Id, NoticeText.Replace("\r\n", "\n", StringComparison.Ordinal), AdminLogin, HttpContext.RequestAborted);
        var skipped = (incidents.Store.Find(Id)?.Deliveries.Count ?? before) - before - queued;
        return queued + skipped == 0
            ? ["Всем выбранным субъектам уведомление уже отправлено (или список пуст): подберите субъектов."]
            : Done($"Служебное уведомление поставлено в очередь: {queued}; не отправляется (заблокированы или данные уничтожены): {skipped}.");
    });

    private Task<IActionResult> MarkAsync(string which, string? sentAt, string? via, Func<DateTime, string, Task<bool>> mark) => ActAsync(which, async () =>
    {
        var errors = new List<string>();
        var at = IncidentForm.ParseLocal(sentAt);
        if (at is null)
        {
            errors.Add("Укажите дату и время отправки (по московскому времени).");
        }
        else if (at > Now.AddMinutes(5))
        {
            errors.Add("Дата отправки не может быть в будущем.");
        }

        if (string.IsNullOrWhiteSpace(via))
        {
            errors.Add("Укажите, как отправлено: например, «через портал pd.rkn.gov.ru» или «почтой».");
        }

        if (errors.Count > 0)
        {
            (SentAt, Via) = (sentAt, via);
            return errors;
        }

        return await mark(at!.Value, via!) ? Done("Отправка отмечена: срок по этому уведомлению остановлен.") : Refused();
    });

    /// <summary>The typed «когда/как» of a refused «Отметить отправку», shown again.</summary>
    public string? SentAt { get; private set; }

    public string? Via { get; private set; }

    public string DefaultSentAt => SentAt ?? MailingForm.LocalValue(Now);

    /// <summary>Runs an admin's action: errors re-render the page with what was typed; success redirects with a flash.</summary>
    private async Task<IActionResult> ActAsync(string form, Func<Task<IReadOnlyList<string>>> action)
    {
        if (!IsAdmin)
        {
            return Forbid();
        }

        if (incidents.Store.Find(Id) is not { } incident)
        {
            return NotFound();
        }

        Current = incident;
        var errors = await action();
        if (errors.Count == 0)
        {
            return Redirect($"/admin/incidents/{Id}");
        }

        await LoadAsync();
        if (form != "edit")
        {
            Form = IncidentForm.From(Current);
        }

        NoticeText ??= ServiceNoticeText.Default(Current, op.Value);
        (Errors, ErrorsOf) = (errors, form);
        return Page();
    }

    private List<string> Done(string flash)
    {
        (Flash, FlashIsError) = (flash, false);
        return [];
    }

    private List<string> Refused() => [$"Это действие недоступно: инцидент {IncidentTexts.Number(Id)} — {IncidentTexts.State(Current.State)}. Ничего не изменено."];

    private async Task<bool> LoadAsync()
    {
        if (incidents.Store.Find(Id) is not { } incident)
        {
            return false;
        }

        // The page shows the affected people's pseudonymous ids and their delivery outcomes: bring those up to date.
        await affected.RefreshAsync(incident, HttpContext.RequestAborted);
        await AuditViewAsync($"incident {incident.Id}");
        Current = incident;
        First = IncidentNotices.First(incident, op.Value);
        Results = IncidentNotices.Results(incident, op.Value);
        Running = IncidentDeadline.Running(incident);
        var done = incident.Deliveries.Select(d => d.PersonId).ToHashSet(StringComparer.Ordinal);
        ToNotify = affected.Count(incident.AffectedPersonIds.Where(id => !done.Contains(id)));
        return true;
    }
}
