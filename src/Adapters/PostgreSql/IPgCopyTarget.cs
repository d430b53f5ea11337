using LiteDB;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// What one PostgreSQL store takes over from a LiteDB store when a clinic moves (<c>pdbot db copy --to postgres</c>):
/// the LiteDB collections it reads, the table each fills (one row per document; null for a collection that fills no
/// table row for row, such as id sequences), and the copy itself inside the copy's one transaction.
/// </summary>
public interface IPgCopyTarget
{
    /// <summary>LiteDB collection name → PostgreSQL table (counted after the copy), or null when not counted row for row.</summary>
    IReadOnlyDictionary<string, string?> Tables { get; }

    /// <summary>Copies every document of <see cref="Tables"/>' collections from <paramref name="source"/> as it is.</summary>
    Task CopyAsync(LiteDatabase source, PgTx tx);
}
