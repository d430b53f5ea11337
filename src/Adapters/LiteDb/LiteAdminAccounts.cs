using LiteDB;
using PdBot.Core.Admin;
using PdBot.Core.Audit;

namespace PdBot.Adapters.LiteDb;

/// <summary>Admin-console accounts in LiteDB, keyed by the lower-case login; writes go through the group-commit writer.</summary>
public sealed class LiteAdminAccounts(LiteDbStorage storage, LiteAuditLog audit) : IAdminAccounts
{
    public const string Collection = "admins";

    private ILiteCollection<AdminAccount> Accounts => storage.Database.GetCollection<AdminAccount>(Collection);

    public AdminAccount? Find(string login)
    {
        ArgumentNullException.ThrowIfNull(login);
        return Accounts.FindById(AdminAccount.Normalize(login));
    }

    public int Count() => Accounts.Count();

    public IReadOnlyList<AdminAccount> All() => [.. Accounts.FindAll().OrderBy(a => a.Login, StringComparer.Ordinal)];

    public Task AddAsync(AdminAccount account, AuditEntry auditEntry)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(auditEntry);
        account.Login = AdminAccount.Normalize(account.Login);
        return storage.Writer.WriteAsync(db =>
        {
            var accounts = db.GetCollection<AdminAccount>(Collection);
            if (accounts.FindById(account.Login) is not null)
            {
                throw new DuplicateAdminLoginException($"логин «{account.Login}» уже занят");
            }

            accounts.Insert(account);
            audit.AppendOnWriterThread(db, [auditEntry]);
        });
    }

    public Task SaveAsync(AdminAccount account, AuditEntry? auditEntry)
    {
        ArgumentNullException.ThrowIfNull(account);
        return storage.Writer.WriteAsync(db =>
        {
            db.GetCollection<AdminAccount>(Collection).Upsert(account);
            if (auditEntry is not null)
            {
                audit.AppendOnWriterThread(db, [auditEntry]);
            }
        });
    }
}
