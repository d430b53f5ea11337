using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PdBot.Core.Admin;
using PdBot.Core.Audit;

namespace PdBot.Bot.Admin.Pages;

/// <summary>
/// Console accounts, for admins only: the list, creating an account, and lifting a sign-in lockout.
/// The policy on the model applies to every handler, so a POST is re-checked too, not only the page.
/// </summary>
[Authorize(Policy = AdminPolicies.Admin)]
public sealed class AccountsModel(IAdminAccounts accounts, AdminEnrollment enrollment, TimeProvider time) : AdminPageModel
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
            errors.Add(Russian(refusal, NewLogin));
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
    public async Task<IActionResult> OnPostUnlockAsync(string? login)
    {
        var account = string.IsNullOrWhiteSpace(login) ? null : accounts.Find(login);
        if (account is null)
        {
            Flash = "Такой учётной записи нет.";
            FlashIsError = true;
            return RedirectToPage();
        }

        var now = NowUtc;
        account.LockedUntilUtc = null;
        account.FailedAttempts = 0;
        await accounts.SaveAsync(account, new AuditEntry
        {
            TimeUtc = now,
            Kind = AdminEvents.Kind,
            Event = AdminEvents.AccountUnlocked,
            Channel = AdminEvents.Channel,
            Actor = AdminLogin,
            Detail = "login " + account.Login,
        });
        Flash = $"Блокировка входа для «{account.Login}» снята.";
        FlashIsError = false;
        return RedirectToPage();
    }

    public static string RoleText(AdminRole role) => AdminRoleText.Russian(role);

    public bool IsLocked(AdminAccount account) => account?.LockedUntilUtc is { } until && until > NowUtc;

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

    // AdminEnrollment answers for the CLI (AdminEvents' rules); the console words them as a form's errors. Anything unforeseen is shown as is.
    private static string Russian(string refusal, string? login) => refusal switch
    {
        _ when refusal.Contains("уже занят", StringComparison.Ordinal) => $"Логин «{AdminAccount.Normalize(login ?? "")}» уже занят.",
        _ when refusal.StartsWith("пароль должен быть не короче", StringComparison.Ordinal) => $"Пароль должен быть не короче {AdminEvents.MinPasswordLength} символов.",
        _ when refusal.StartsWith("логин не может быть пустым", StringComparison.Ordinal) => "Укажите логин.",
        _ when refusal.StartsWith("логин должен быть не длиннее", StringComparison.Ordinal) => "Логин должен быть не длиннее 64 символов.",
        _ when refusal.StartsWith("в логине не должно быть пробелов", StringComparison.Ordinal) => "Логин не должен содержать пробелов и управляющих символов.",
        _ => refusal,
    };
}
