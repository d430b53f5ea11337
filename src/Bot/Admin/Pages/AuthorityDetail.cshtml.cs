using Microsoft.AspNetCore.Mvc;
using PdBot.Core.Authority;
using PdBot.Core.Requests;

namespace PdBot.Bot.Admin.Pages;

/// <summary>One Roskomnadzor request: its term, history, the one extension and the answer's record (admins act; others read).</summary>
public sealed class AuthorityDetailModel(AuthorityService authority) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public AuthorityRequest Current { get; private set; } = null!;

    public int Left { get; private set; }

    public bool CanExtend => IsAdmin && new AuthorityMachine(Current).CanFire(AuthorityTrigger.Extend);

    public bool CanAnswer => IsAdmin && new AuthorityMachine(Current).CanFire(AuthorityTrigger.Answer);

    public DateOnly Today => authority.Today;

    public async Task<IActionResult> OnGetAsync()
    {
        if (authority.Store.Find(Id) is not { } r)
        {
            return NotFound();
        }

        await AuditViewAsync($"authority request {r.Id}", r.PersonId);
        (Current, Left) = (r, authority.WorkingDaysLeft(r));
        return Page();
    }

    /// <summary>«Продлить срок»: 1–5 working days with the reason of the notice sent to the authority.</summary>
    public Task<IActionResult> OnPostExtendAsync([FromForm] int days, [FromForm] string? reason) =>
        ActAsync(() => authority.ExtendAsync(Id, days, reason, AdminLogin, HttpContext.RequestAborted));

    /// <summary>«Ответ направлен»: date, way and outgoing number.</summary>
    public Task<IActionResult> OnPostAnswerAsync([FromForm] DateOnly? answeredOn, [FromForm] string? method, [FromForm] string? outgoingNumber) =>
        ActAsync(() => authority.AnswerAsync(Id, new AuthorityAnswer(answeredOn, method, outgoingNumber), AdminLogin, HttpContext.RequestAborted));

    private async Task<IActionResult> ActAsync(Func<Task<RequestResult>> act)
    {
        if (!IsAdmin)
        {
            return Forbid();
        }

        if (authority.Store.Find(Id) is null)
        {
            return NotFound();
        }

        var result = await act();
        (Flash, FlashIsError) = (result.Ok ? result.Message : result.Message + " Ничего не изменено.", !result.Ok);
        return Redirect($"/admin/authority/{Id}");
    }
}
