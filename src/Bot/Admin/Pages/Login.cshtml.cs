using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PdBot.Core.Admin;

namespace PdBot.Bot.Admin.Pages;

[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class LoginModel(AdminSignIn signIn, SignInThrottle throttle, IAdminAccounts accounts, IOptions<AdminConsoleOptions> options) : AdminPageModel
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
        if (HttpContext.Items[SignInThrottle.RetryAfterItem] is TimeSpan ipWait)
        {
            return TooManyAttempts(ipWait);
        }

        if (!SignInTransport.IsAllowed(Request.IsHttps, HttpContext.Connection.RemoteIpAddress, options.Value.AllowInsecureHttp))
        {
            Error = "Вход по незащищённому HTTP из сети запрещён: откройте консоль по HTTPS (или задайте Admin:AllowInsecureHttp).";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (throttle.TryLogin(Login) is { } loginWait)
        {
            return TooManyAttempts(loginWait);
        }

        var result = await signIn.SignInAsync(Login ?? "", Password ?? "");
        if (!result.Succeeded || result.Login is null || result.Role is not { } role)
        {
            Error = Refused;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        throttle.Succeeded(HttpContext, Login);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AdminSessionCheck.Principal(result.Login, role, result.SessionStamp ?? ""));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith(AdminConsole.Path, StringComparison.Ordinal) ? ReturnUrl : AdminConsole.Path);
    }

    // The password is not checked; the typed login stays in the form.
    private PageResult TooManyAttempts(TimeSpan wait)
    {
        Error = SignInThrottle.Message(wait);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = SignInThrottle.Seconds(wait).ToString(CultureInfo.InvariantCulture);
        return Page();
    }
}
