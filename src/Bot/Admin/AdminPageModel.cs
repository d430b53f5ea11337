using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PdBot.Core.Admin;

namespace PdBot.Bot.Admin;

/// <summary>What every console page needs: who is signed in, what they may do, and auditing of what they see.</summary>
public abstract class AdminPageModel : PageModel
{
    /// <summary>The signed-in admin's login, written as the actor of everything they do.</summary>
    public string AdminLogin => AdminConsole.LoginOf(User);

    public bool CanAct => AdminPolicies.ActRoles.Any(User.IsInRole);

    public bool CanAudit => AdminPolicies.AuditRoles.Any(User.IsInRole);

    public bool IsAdmin => User.IsInRole(AdminPolicies.RoleName(AdminRole.Admin));

    /// <summary>A one-line result of the last action, shown once after a redirect.</summary>
    [TempData]
    public string? Flash { get; set; }

    [TempData]
    public bool FlashIsError { get; set; }

    protected T Service<T>()
        where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();

    /// <summary>Records that this admin is being shown personal data; call before rendering it.</summary>
    protected Task AuditViewAsync(string what, string? personId = null) =>
        Service<AdminViews>().RecordAsync(AdminLogin, AdminEvents.Viewed, what, personId, HttpContext.RequestAborted);

    /// <summary>Records that this admin downloaded personal data.</summary>
    protected Task AuditExportAsync(string what, string? personId = null) =>
        Service<AdminViews>().RecordAsync(AdminLogin, AdminEvents.Exported, what, personId, HttpContext.RequestAborted);
}
