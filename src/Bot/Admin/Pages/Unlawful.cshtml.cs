using Microsoft.AspNetCore.Mvc;
using PdBot.Core.Unlawful;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// Unlawful processing found by the clinic (policy 6.2.8, 6.2.11): what is due next, working days left, overdue in red.
/// Admins register cases; everyone signed in reads.
/// </summary>
public sealed class UnlawfulModel(UnlawfulService unlawful) : AdminPageModel
{
    public IReadOnlyList<UnlawfulCase> Rows { get; private set; } = [];

    [BindProperty]
    public string? PersonId { get; set; }

    [BindProperty]
    public string? What { get; set; }

    [BindProperty]
    public DateOnly? DetectedOn { get; set; }

    [BindProperty]
    public long? AuthorityRequestId { get; set; }

    public string? Error { get; private set; }

    public int Left(DateOnly due) => unlawful.WorkingDaysLeft(due);

    public async Task<IActionResult> OnGetAsync()
    {
        await AuditViewAsync("unlawful processing cases");
        Rows = unlawful.List();
        DetectedOn ??= unlawful.Today;
        return Page();
    }

    /// <summary>«Зарегистрировать»: a bad field comes back with a Russian error and everything typed.</summary>
    public async Task<IActionResult> OnPostRegisterAsync()
    {
        if (!IsAdmin)
        {
            return Forbid();
        }

        var (c, error) = await unlawful.RegisterAsync(new UnlawfulRegistration(PersonId, What, DetectedOn, AuthorityRequestId), AdminLogin, HttpContext.RequestAborted);
        if (c is null)
        {
            (Error, Rows) = (error, unlawful.List());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Flash = $"Случай № {c.Id} зарегистрирован.";
        return Redirect($"/admin/unlawful/{c.Id}");
    }
}
