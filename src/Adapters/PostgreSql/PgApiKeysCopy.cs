using LiteDB;
using PdBot.Core.ApiKeys;

namespace PdBot.Adapters.PostgreSql;

/// <summary><c>pdbot db copy</c>: the API keys (their hashes), written as <see cref="PgApiKeys"/> writes them.</summary>
public sealed class PgApiKeysCopy : IPgCopyTarget
{
    public IReadOnlyDictionary<string, string?> Tables { get; } = new Dictionary<string, string?> { [PgApiKeys.Table] = PgApiKeys.Table };

    public async Task CopyAsync(LiteDatabase source, PgTx tx)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tx);
        foreach (var key in LiteSource.Objects<ApiKey>(source, PgApiKeys.Table, PgApiKeys.FromDocument))
        {
            await PgApiKeys.UpsertAsync(tx, key);
        }
    }
}
