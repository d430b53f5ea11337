using LiteDB;
using PdBot.Core.Admin;

namespace PdBot.Adapters.PostgreSql;

/// <summary><c>pdbot db copy</c>: the admin-console accounts, written as <see cref="PgAdminAccounts"/> writes them.</summary>
public sealed class PgAdminAccountsCopy : IPgCopyTarget
{
    public IReadOnlyDictionary<string, string?> Tables { get; } = new Dictionary<string, string?> { [PgAdminAccounts.Table] = PgAdminAccounts.Table };

    public async Task CopyAsync(LiteDatabase source, PgTx tx)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tx);
        foreach (var account in LiteSource.Objects<AdminAccount>(source, PgAdminAccounts.Table))
        {
            await PgAdminAccounts.UpsertAsync(tx, account);
        }
    }
}
