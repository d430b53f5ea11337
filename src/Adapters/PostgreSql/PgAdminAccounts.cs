using PdBot.Adapters.LiteDb;
using PdBot.Core.Admin;
using PdBot.Core.Audit;

namespace PdBot.Adapters.PostgreSql;

/// <summary>Admin-console accounts in PostgreSQL, keyed by the lower-case login (the twin of <see cref="LiteAdminAccounts"/>).</summary>
public sealed class PgAdminAccounts(PgStorage storage) : IAdminAccounts
{
    public const string Table = LiteAdminAccounts.Collection;

    private const string Insert = "INSERT INTO admins (id, doc) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO NOTHING";

    private const string Upsert = "INSERT INTO admins (id, doc) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc";

    public AdminAccount? Find(string login)
    {
        ArgumentNullException.ThrowIfNull(login);
        return storage.Documents<AdminAccount>("SELECT doc FROM admins WHERE id = $1", AdminAccount.Normalize(login)).FirstOrDefault();
    }

    public int Count() => storage.Query("SELECT count(*) FROM admins", r => (int)r.GetInt64(0))[0];

    public IReadOnlyList<AdminAccount> All() =>
        [.. storage.Documents<AdminAccount>("SELECT doc FROM admins").OrderBy(a => a.Login, StringComparer.Ordinal)];

    public Task AddAsync(AdminAccount account, AuditEntry auditEntry)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(auditEntry);
        account.Login = AdminAccount.Normalize(account.Login);
        return storage.WriteAsync(async tx =>
        {
            // The unique login decides between two hosts adding the same one at once.
            if (await tx.ExecuteAsync(Insert, account.Login, PgDocuments.ToJson(account)) == 0)
            {
                throw new DuplicateAdminLoginException($"логин «{account.Login}» уже занят");
            }

            await PgAuditLog.AppendInAsync(tx, [auditEntry]);
        });
    }

    public Task SaveAsync(AdminAccount account, AuditEntry? auditEntry)
    {
        ArgumentNullException.ThrowIfNull(account);
        return storage.WriteAsync(async tx =>
        {
            await UpsertAsync(tx, account);
            if (auditEntry is not null)
            {
                await PgAuditLog.AppendInAsync(tx, [auditEntry]);
            }
        });
    }

    internal static Task UpsertAsync(PgTx tx, AdminAccount account) => tx.ExecuteAsync(Upsert, account.Login, PgDocuments.ToJson(account));
}
