using Microsoft.AspNetCore.Mvc;
using PdBot.Core.Authority;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// Roskomnadzor requests (policy 1.3.2): due dates on the production calendar, working days left, overdue in red.
/// Admins register them; everyone signed in reads.
/// </summary>
public sealed class AuthorityModel(AuthorityService authority) : AdminPageModel
{
    public IReadOnlyList<AuthorityRequest> Rows { get; private set; } = [];

    [BindProperty]
    public DateOnly? ReceivedOn { get; set; }

    [BindProperty]
    public string? IncomingNumber { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? PersonId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public string? Error { get; private set; }

    public int Left(AuthorityRequest r) => authority.WorkingDaysLeft(r);

    public async Task<IActionResult> OnGetAsync()
    {
        await AuditViewAsync("authority request list");
        Rows = authority.List();
        ReceivedOn ??= authority.Today;
        return Page();
    }

    /// <summary>«Зарегистрировать»: a bad field comes back with a Russian error and everything typed.</summary>
    public async Task<IActionResult> OnPostRegisterAsync()
    {
        if (!IsAdmin)
        {
            return Forbid();
        }

        var (r, error) = await authority.RegisterAsync(new AuthorityRegistration(ReceivedOn, IncomingNumber, Subject, PersonId, Note), AdminLogin, HttpContext.RequestAborted);
        if (r is null)
        {
            (Error, Rows) = (error, authority.List());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Flash = $"Запрос Роскомнадзора № {r.Id} зарегистрирован: ответить до {AuthorityTexts.Date(r.DueDate)}.";
        return Redirect($"/admin/authority/{r.Id}");
    }
}
