namespace PdBot.Core.Admin;

/// <summary>
/// Changes to an existing account: a new password, a new role, a lifted lockout, a sign-out. Each gives the account
/// a new session stamp, so every cookie issued before the change stops working at its next request.
/// </summary>
public sealed class AdminAccountChanges(IAdminAccounts accounts, IAdminPasswordHasher hasher, AdminAccountLocks locks, TimeProvider time)
{
    /// <summary>Sets a new password; returns why it was refused, or null when it was changed.</summary>
    public async Task<string?> ChangePasswordAsync(string login, string password, string actor)
    {
        if (AdminEvents.PasswordProblem(password) is { } problem)
        {
            return problem;
        }

        var hash = hasher.Hash(password);
        return await ChangeAsync(login, actor, AdminEvents.PasswordChanged, account =>
        {
            account.PasswordHash = hash;
            return "login " + account.Login;
        });
    }

    /// <summary>Gives the account another role; returns why it was refused, or null when it was changed.</summary>
    public Task<string?> ChangeRoleAsync(string login, AdminRole role, string actor) =>
        ChangeAsync(login, actor, AdminEvents.RoleChanged, account =>
        {
            var from = account.Role;
            account.Role = role;
            return $"login {account.Login}, role {from.ToString().ToLowerInvariant()} -> {role.ToString().ToLowerInvariant()}";
        });

    /// <summary>Lifts a sign-in lockout before it runs out; returns why it was refused, or null when it was lifted.</summary>
    public Task<string?> UnlockAsync(string login, string actor) =>
        ChangeAsync(login, actor, AdminEvents.AccountUnlocked, account =>
        {
            account.LockedUntilUtc = null;
            account.FailedAttempts = 0;
            return "login " + account.Login;
        });

    /// <summary>Ends every session of the account (a sign-out; the caller audits it).</summary>
    public Task<string?> EndSessionsAsync(string login) => ChangeAsync(login, login, null, _ => null);

    private async Task<string?> ChangeAsync(string login, string actor, string? evt, Func<AdminAccount, string?> change)
    {
        ArgumentNullException.ThrowIfNull(login);
        if (string.IsNullOrWhiteSpace(login) || accounts.Find(login) is null)
        {
            return "такой учётной записи нет";
        }

        using (await locks.EnterAsync(login))
        {
            var account = accounts.Find(login);
            if (account is null)
            {
                return "такой учётной записи нет";
            }

            var detail = change(account);
            account.SessionStamp = AdminAccount.NewSessionStamp();
            var entry = evt is null ? null : AdminSignIn.Entry(actor, evt, time.GetUtcNow().UtcDateTime, detail);
            await accounts.SaveAsync(account, entry);
            return null;
        }
    }
}
