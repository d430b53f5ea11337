using Microsoft.AspNetCore.Mvc;
using PdBot.Bot.Admin.Requests;
using PdBot.Core.Consent;
using PdBot.Core.Labels;
using PdBot.Core.Requests;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// One subject request: its fields (document masked), history, the answer that approval sends, and the operator's
/// actions. Every action is checked three times: the role here, the antiforgery token by Razor Pages, and the
/// request's state by <see cref="RequestService"/>.
/// </summary>
public sealed class RequestDetailModel(RequestService requests) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public SubjectRequest Current { get; private set; } = null!;

    public RequestRow Row { get; private set; } = null!;

    /// <summary>The answer sent, or the one approval would send now.</summary>
    public string? Answer { get; private set; }

    public bool AnswerSent => Current.AnswerText is not null;

    public string PurposeTitle => RussianLabels.Purpose(Service<ConsentCatalog>(), Current.PurposeId);

    /// <summary>The person the request is about (null once the record is gone): blocked or erased is shown.</summary>
    public PdBot.Core.People.Person? Subject { get; private set; }

    /// <summary>Whether this request started the blocking the person is under (unblocking it lifts that).</summary>
    public bool BlockedByThis => Subject is { Blocked: true } p && p.BlockedByRequestId == Current.Id;

    public async Task<IActionResult> OnGetAsync()
    {
        if (requests.Find(Id) is not { } r)
        {
            return NotFound();
        }

        await AuditViewAsync($"request {r.Id}", r.PersonId);
        Current = r;
        Row = RequestRow.Of(requests, r);
        Subject = requests.PersonOf(r);
        Answer = r.AnswerText ?? (r.IsOpen ? requests.PrepareAnswer(r) : null);
        return Page();
    }

    /// <summary>Whether this user may fire the trigger now: the buttons are disabled otherwise.</summary>
    public bool Can(RequestTrigger trigger)
    {
        if (!CanAct || !(requests.MachineFor(Current).CanFire(trigger) || (trigger == RequestTrigger.Unblock && BlockedByThis)))
        {
            return false;
        }

        // The notice of an extension must go out before the original term ends; the service refuses later ones too.
        return trigger != RequestTrigger.Extend || Current.DueDate is not { } due || requests.Today <= due;
    }

    public Task<IActionResult> OnPostConfirmAsync() =>
        ActAsync(RequestTrigger.ConfirmIdentity, ct => requests.ConfirmIdentityAsync(Id, AdminLogin, ct), "Личность подтверждена: запрос № {0} в работе.");

    public Task<IActionResult> OnPostExtendAsync(string? reason, int days = DeadlineTable.MaxExtensionWorkingDays)
    {
        if (!ModelState.IsValid)
        {
            return Refuse($"Продлить можно на 1–{DeadlineTable.MaxExtensionWorkingDays} рабочих дней: срок не продлён.");
        }

        return string.IsNullOrWhiteSpace(reason)
            ? Refuse("Укажите причину продления: без мотивированной причины срок не продлевается. Ничего не изменено.")
            : ActAsync(RequestTrigger.Extend, ct => requests.ExtendAsync(Id, reason, AdminLogin, days, ct), "Срок запроса № {0} продлён, человеку отправлено уведомление с причиной.");
    }

    public Task<IActionResult> OnPostRefuseAsync(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? Refuse("Укажите причину отказа: отказ должен быть мотивированным. Ничего не изменено.")
            : ActAsync(RequestTrigger.Refuse, ct => requests.RefuseAsync(Id, reason, AdminLogin, ct), "По запросу № {0} отказано, причина отправлена человеку.");

    /// <param name="answerText">The answer as the operator left it in the form; blank sends the prepared one.</param>
    /// <param name="corrections">For a correction: field → corrected value (blank fields are left as they are).</param>
    public Task<IActionResult> OnPostApproveAsync(string? answerText, Dictionary<string, string?>? corrections)
    {
        var values = (corrections ?? []).Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
        return ActAsync(RequestTrigger.Answer, ct => requests.ApproveAsync(Id, AdminLogin, answerText, values, ct), "Запрос № {0} выполнен, ответ поставлен в отправку.");
    }

    public Task<IActionResult> OnPostBlockAsync() =>
        ActAsync(RequestTrigger.Block, ct => requests.BlockAsync(Id, AdminLogin, ct), "Данные по запросу № {0} заблокированы.");

    public Task<IActionResult> OnPostUnblockAsync() =>
        ActAsync(RequestTrigger.Unblock, ct => requests.UnblockAsync(Id, AdminLogin, ct), "Блокировка по запросу № {0} снята.");

    // The role is checked before anything else, so a forged post from an auditor changes nothing and says nothing.
    private async Task<IActionResult> ActAsync(RequestTrigger trigger, Func<CancellationToken, Task<RequestResult>> action, string done)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        if (requests.Find(Id) is not { } r)
        {
            return NotFound();
        }

        // The service would refuse too, but names the state and action in English; the console says it in Russian.
        var personBlock = trigger == RequestTrigger.Unblock && requests.PersonOf(r) is { Blocked: true } p && p.BlockedByRequestId == r.Id;
        if (!requests.MachineFor(r).CanFire(trigger) && !personBlock)
        {
            (Flash, FlashIsError) = ($"Действие «{RussianLabels.Trigger(trigger)}» недоступно: запрос № {Id} в состоянии «{RussianLabels.State(r.State)}». Ничего не изменено.", true);
            return BackToRequest();
        }

        var result = await action(HttpContext.RequestAborted);
        Flash = result.Ok ? string.Format(System.Globalization.CultureInfo.InvariantCulture, done, Id) : result.Message;
        FlashIsError = !result.Ok;
        return BackToRequest();
    }

    private Task<IActionResult> Refuse(string message)
    {
        if (!CanAct)
        {
            return Task.FromResult<IActionResult>(Forbid());
        }

        (Flash, FlashIsError) = (message, true);
        return Task.FromResult<IActionResult>(BackToRequest());
    }

    // Post-redirect-get: a reload does not repeat the action.
    private LocalRedirectResult BackToRequest() => LocalRedirect($"/admin/requests/{Id}");
}
