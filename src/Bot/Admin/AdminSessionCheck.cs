using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PdBot.Core.Admin;

namespace PdBot.Bot.Admin;

/// <summary>
/// Re-checks a session cookie against the stored account on every request, so a locked account, a changed role or
/// password, or a sign-out ends the session at once instead of when the cookie expires: the cookie carries the
/// account's session stamp, and every such change replaces the stamp.
/// </summary>
public static class AdminSessionCheck
{
    public const string StampClaim = "pdbot:session-stamp";

    /// <summary>The signed-in identity that goes into the cookie.</summary>
    public static ClaimsPrincipal Principal(string login, AdminRole role, string sessionStamp) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, login), new Claim(ClaimTypes.Role, AdminPolicies.RoleName(role)), new Claim(StampClaim, sessionStamp)],
            CookieAuthenticationDefaults.AuthenticationScheme));

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        var login = principal?.Identity?.Name;
        var account = string.IsNullOrEmpty(login) ? null : context.HttpContext.RequestServices.GetRequiredService<IAdminAccounts>().Find(login);
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var locked = account?.LockedUntilUtc is { } until && until > now;
        var stillValid = account is not null && !locked
            && !string.IsNullOrEmpty(account.SessionStamp)
            && string.Equals(principal!.FindFirstValue(StampClaim), account.SessionStamp, StringComparison.Ordinal)
            && principal!.FindFirstValue(ClaimTypes.Role) == AdminPolicies.RoleName(account.Role);
        if (!stillValid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
