using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PdBot.Core.Admin;

namespace PdBot.Bot.Admin;

/// <summary>
/// Re-checks a session cookie against the stored account on every request, so a locked account or a changed
/// role takes effect at once instead of when the cookie expires.
/// </summary>
public static class AdminSessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        var login = principal?.Identity?.Name;
        var account = string.IsNullOrEmpty(login) ? null : context.HttpContext.RequestServices.GetRequiredService<IAdminAccounts>().Find(login);
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var locked = account?.LockedUntilUtc is { } until && until > now;
        var stillValid = account is not null && !locked
            && principal!.FindFirstValue(ClaimTypes.Role) == AdminPolicies.RoleName(account.Role);
        if (!stillValid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
