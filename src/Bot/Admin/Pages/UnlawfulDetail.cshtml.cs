using Microsoft.AspNetCore.Mvc;
using PdBot.Core.Requests;
using PdBot.Core.Unlawful;

namespace PdBot.Bot.Admin.Pages;

/// <summary>One unlawful-processing case: its terms, the six-month block clock, the notices, and the actions the machine allows.</summary>
public sealed class UnlawfulDetailModel(UnlawfulService unlawful) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public UnlawfulCase Current { get; private set; } = null!;

    public IReadOnlyList<UnlawfulTrigger> Actions { get; private set; } = [];

    public int Left(DateOnly due) => unlawful.WorkingDaysLeft(due);

    public async Task<IActionResult> OnGetAsync()
    {
        if (unlawful.Store.Find(Id) is not { } c)
        {
            return NotFound();
        }

        await AuditViewAsync($"unlawful case {c.Id}", c.PersonId);
        Current = c;
        Actions = IsAdmin ? new UnlawfulMachine(c).Actions : [];
        return Page();
    }

    public Task<IActionResult> OnPostStopAsync([FromForm] string? text) =>
        ActAsync(() => unlawful.StopAsync(Id, text, AdminLogin, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostRemedyAsync([FromForm] string? text) =>
        ActAsync(() => unlawful.RemedyAsync(Id, text, AdminLogin, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostBlockAsync([FromForm] string? text) =>
        ActAsync(() => unlawful.BlockAsync(Id, text, AdminLogin, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostDestroyAsync() =>
        ActAsync(() => unlawful.DestroyAsync(Id, AdminLogin, HttpContext.RequestAborted));

    private async Task<IActionResult> ActAsync(Func<Task<RequestResult>> act)
    {
        if (!IsAdmin)
        {
            return Forbid();
        }

        if (unlawful.Store.Find(Id) is null)
        {
            return NotFound();
        }

        var result = await act();
        (Flash, FlashIsError) = (result.Ok ? result.Message : result.Message + " Ничего не изменено.", !result.Ok);
        return Redirect($"/admin/unlawful/{Id}");
    }
}
