using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PdBot.Core.Admin;

namespace PdBot.Bot.Admin.Pages;

public sealed class LoginModel(AdminSignIn signIn, IAdminAccounts accounts, IOptions<AdminConsoleOptions> options) : AdminPageModel
{
    public const string Refused = "Неверный логин или пароль, либо вход временно заблокирован после нескольких неудачных попыток.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public bool NoAccounts => accounts.Count() == 0;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!SignInTransport.IsAllowed(Request.IsHttps, HttpContext.Connection.RemoteIpAddress, options.Value.AllowInsecureHttp))
        {
            Error = "Вход по незащищённому HTTP из сети запрещён: откройте консоль по HTTPS (или задайте Admin:AllowInsecureHttp).";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var result = await signIn.SignInAsync(Login ?? "", Password ?? "");
        if (!result.Succeeded || result.Login is null || result.Role is not { } role)
        {
            Error = Refused;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, result.Login), new Claim(ClaimTypes.Role, AdminPolicies.RoleName(role))],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith(AdminConsole.Path, StringComparison.Ordinal) ? ReturnUrl : AdminConsole.Path);
    }
}
