using PdBot.Core.Audit;

namespace PdBot.Core.Admin;

/// <summary>The stored admin-console accounts.</summary>
public interface IAdminAccounts
{
    /// <summary>The account with this login, ignoring case; null when there is none.</summary>
    AdminAccount? Find(string login);

    int Count();

    /// <summary>Every account, ordered by login (the accounts page lists them; there are only a handful).</summary>
    IReadOnlyList<AdminAccount> All();

    /// <summary>Stores a new account and its audit entry in one transaction; <see cref="DuplicateAdminLoginException"/> when the login is taken.</summary>
    Task AddAsync(AdminAccount account, AuditEntry auditEntry);

    /// <summary>Updates an account and appends the audit entry, if any, in one transaction.</summary>
    Task SaveAsync(AdminAccount account, AuditEntry? auditEntry);
}
