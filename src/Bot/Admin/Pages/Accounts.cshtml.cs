using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PdBot.Core.Admin;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// Console accounts, for admins only: the list, creating an account, changing a role or a password, and lifting a
/// sign-in lockout. Each change ends the account's sessions (a new session stamp).
/// The policy on the model applies to every handler, so a POST is re-checked too, not only the page.
/// </summary>
[Authorize(Policy = AdminPolicies.Admin)]
public sealed class AccountsModel(IAdminAccounts accounts, AdminEnrollment enrollment, AdminAccountChanges changes, TimeProvider time) : AdminPageModel
{
    public static readonly AdminRole[] Roles = [AdminRole.Operator, AdminRole.Auditor, AdminRole.Admin];

    [BindProperty]
    public string? NewLogin { get; set; }

    [BindProperty]
    public string? NewRole { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? NewPasswordAgain { get; set; }

    public IReadOnlyList<AdminAccount> List { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public DateTime NowUtc => time.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync()
    {
        await AuditViewAsync("admin accounts");
        List = accounts.All();
    }

    /// <summary>POST /admin/accounts: creates an account; on success redirects (so a reload does not post twice).</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var errors = new List<string>();
        if (!TryParseRole(NewRole, out var role))
        {
            errors.Add("Выберите роль: администратор, оператор или аудитор.");
        }

        if (!string.Equals(NewPassword, NewPasswordAgain, StringComparison.Ordinal))
        {
            errors.Add("Пароли не совпадают.");
        }

        if (errors.Count == 0 && await enrollment.CreateAsync(NewLogin ?? "", role, NewPassword ?? "", AdminLogin) is { } refusal)
        {
            errors.Add(Sentence(refusal));
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            NewPassword = NewPasswordAgain = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await AuditViewAsync("admin accounts");
            List = accounts.All();
            return Page();
        }

        Flash = $"Учётная запись «{AdminAccount.Normalize(NewLogin!)}» создана, роль: {RoleText(role)}.";
        FlashIsError = false;
        return RedirectToPage();
    }

    /// <summary>POST /admin/accounts/unlock: lifts a lockout before it runs out, with an audit entry.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string? login) =>
        Done(await changes.UnlockAsync(login ?? "", AdminLogin), $"Блокировка входа для «{Normalized(login)}» снята.");

    /// <summary>POST /admin/accounts/role: gives an account another role (not one's own: the last admin must not lock everyone out).</summary>
    public async Task<IActionResult> OnPostRoleAsync(string? login, string? role)
    {
        if (!TryParseRole(role, out var parsed))
        {
            return Done("выберите роль: администратор, оператор или аудитор", "");
        }

        if (string.Equals(Normalized(login), AdminLogin, StringComparison.Ordinal))
        {
            return Done("свою роль сменить нельзя: попросите другого администратора", "");
        }

        return Done(await changes.ChangeRoleAsync(login ?? "", parsed, AdminLogin), $"Роль «{Normalized(login)}»: {RoleText(parsed)}. Сеансы этой учётной записи завершены.");
    }

    /// <summary>POST /admin/accounts/password: sets a new password; the account's sessions end (one's own is renewed).</summary>
    public async Task<IActionResult> OnPostPasswordAsync(string? login, string? password, string? passwordAgain)
    {
        if (!string.Equals(password, passwordAgain, StringComparison.Ordinal))
        {
            return Done("пароли не совпадают", "");
        }

        var refusal = await changes.ChangePasswordAsync(login ?? "", password ?? "", AdminLogin);
        if (refusal is null && string.Equals(Normalized(login), AdminLogin, StringComparison.Ordinal) && accounts.Find(AdminLogin) is { } self)
        {
            // The admin changed their own password here: this browser keeps its session under the new stamp.
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AdminSessionCheck.Principal(self.Login, self.Role, self.SessionStamp ?? ""));
        }

        return Done(refusal, $"Пароль «{Normalized(login)}» изменён. Другие сеансы этой учётной записи завершены.");
    }

    public static string RoleText(AdminRole role) => AdminRoleText.Russian(role);

    public bool IsLocked(AdminAccount account) => account?.LockedUntilUtc is { } until && until > NowUtc;

    private static string Normalized(string? login) => AdminAccount.Normalize(login ?? "");

    private RedirectToPageResult Done(string? refusal, string success)
    {
        Flash = refusal is null ? success : Sentence(refusal);
        FlashIsError = refusal is not null;
        return RedirectToPage();
    }

    private static bool TryParseRole(string? value, out AdminRole role)
    {
        role = AdminRole.Operator;
        foreach (var r in Roles)
        {
            if (string.Equals(AdminPolicies.RoleName(r), value, StringComparison.Ordinal))
            {
                role = r;
                return true;
            }
        }

        return false;
    }

    // AdminEnrollment's refusals are Russian sentence fragments (the CLI prefixes them): here they start a sentence.
    private static string Sentence(string refusal) =>
        refusal.Length == 0 ? refusal : char.ToUpperInvariant(refusal[0]) + refusal[1..].TrimEnd('.') + ".";
}
