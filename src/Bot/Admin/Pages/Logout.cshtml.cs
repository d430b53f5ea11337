using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using PdBot.Core.Admin;

namespace PdBot.Bot.Admin.Pages;

/// <summary>Signs out (POST only, with the antiforgery token), ends the account's sessions and records it.</summary>
public sealed class LogoutModel : AdminPageModel
{
    public IActionResult OnGet() => Redirect(AdminConsole.Path);

    public async Task<IActionResult> OnPostAsync()
    {
        await Service<AdminViews>().RecordAsync(AdminLogin, AdminEvents.SignedOut, "console", cancellationToken: HttpContext.RequestAborted);

        // A new session stamp: a copy of the cookie kept elsewhere stops working too.
        await Service<AdminAccountChanges>().EndSessionsAsync(AdminLogin);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect(AdminConsole.Path + "/login");
    }
}
