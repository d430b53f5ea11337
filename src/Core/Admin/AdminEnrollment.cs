using PdBot.Core.Audit;

namespace PdBot.Core.Admin;

/// <summary>Creates admin-console accounts after checking the login and the password rules.</summary>
public sealed class AdminEnrollment(IAdminAccounts accounts, IAdminPasswordHasher hasher, TimeProvider time)
{
    /// <summary>Creates the account; returns why it was refused, or null when it was created.</summary>
    public async Task<string?> CreateAsync(string login, AdminRole role, string password, string actor)
    {
        ArgumentNullException.ThrowIfNull(login);
        ArgumentNullException.ThrowIfNull(password);
        if (AdminEvents.LoginProblem(login) is { } loginProblem)
        {
            return loginProblem;
        }

        if (AdminEvents.PasswordProblem(password) is { } passwordProblem)
        {
            return passwordProblem;
        }

        if (!Enum.IsDefined(role))
        {
            return "неизвестная роль";
        }

        return await StoreAsync(AdminAccount.Normalize(login), role, hasher.Hash(password), actor);
    }

    /// <summary>Only from a password checked above: no caller can hand in a hash made elsewhere.</summary>
    private async Task<string?> StoreAsync(string normalized, AdminRole role, string passwordHash, string actor)
    {
        if (accounts.Find(normalized) is not null)
        {
            return $"логин «{normalized}» уже занят";
        }

        var now = time.GetUtcNow().UtcDateTime;
        var account = new AdminAccount
        {
            Login = normalized,
            Role = role,
            PasswordHash = passwordHash,
            CreatedAtUtc = now,
        };
        var entry = new AuditEntry
        {
            TimeUtc = now,
            Kind = AdminEvents.Kind,
            Event = AdminEvents.AccountCreated,
            Channel = AdminEvents.Channel,
            Actor = actor,
            Detail = $"login {normalized}, role {role.ToString().ToLowerInvariant()}",
        };
        try
        {
            await accounts.AddAsync(account, entry);
            return null;
        }
        catch (DuplicateAdminLoginException)
        {
            return $"логин «{normalized}» уже занят";
        }
    }
}
