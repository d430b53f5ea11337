using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Core.ApiKeys;
using PdBot.Core.Audit;

namespace PdBot.Adapters.PostgreSql;

/// <summary>API keys (their hashes) in PostgreSQL, keyed by the lower-case name (the twin of <see cref="LiteApiKeys"/>).</summary>
public sealed class PgApiKeys(PgStorage storage) : IApiKeyStore
{
    public const string Table = LiteApiKeys.Collection;

    /// <summary>
    /// The document as <see cref="LiteApiKeys"/> maps it (the name is the id; the derived Revoked and Actor are not
    /// stored), so a LiteDB key copies across as it is.
    /// </summary>
    private static readonly BsonMapper Mapper = CreateMapper();

    private const string Insert = "INSERT INTO api_keys (id, doc) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO NOTHING";

    private const string Upsert = "INSERT INTO api_keys (id, doc) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc";

    public ApiKey? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return storage.Query("SELECT doc FROM api_keys WHERE id = $1", r => FromJson(r.GetString(0)), ApiKey.Normalize(name)).FirstOrDefault();
    }

    public IReadOnlyList<ApiKey> All() =>
        [.. storage.Query("SELECT doc FROM api_keys", r => FromJson(r.GetString(0))).OrderBy(k => k.Name, StringComparer.Ordinal)];

    public async Task<bool> AddAsync(ApiKey key, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);
        var added = false;
        await storage.WriteAsync(async tx =>
        {
            // The unique name decides between two hosts adding the same one at once.
            added = await tx.ExecuteAsync(Insert, key.Name, ToJson(key)) == 1;
            if (added)
            {
                await PgAuditLog.AppendInAsync(tx, [entry]);
            }
        });
        return added;
    }

    public Task SaveAsync(ApiKey key, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);
        return storage.WriteAsync(async tx =>
        {
            await UpsertAsync(tx, key);
            await PgAuditLog.AppendInAsync(tx, [entry]);
        });
    }

    internal static Task UpsertAsync(PgTx tx, ApiKey key) => tx.ExecuteAsync(Upsert, key.Name, ToJson(key));

    /// <summary>A LiteDB document of the api_keys collection as a key.</summary>
    internal static ApiKey FromDocument(BsonDocument document) => Mapper.ToObject<ApiKey>(document);

    private static string ToJson(ApiKey key) => LiteDB.JsonSerializer.Serialize(Mapper.ToDocument(key));

    private static ApiKey FromJson(string json) => Mapper.ToObject<ApiKey>(LiteDB.JsonSerializer.Deserialize(json).AsDocument);

    private static BsonMapper CreateMapper()
    {
        var mapper = LiteDbStorage.CreateMapper();
        mapper.Entity<ApiKey>().Id(k => k.Name, autoId: false).Ignore(k => k.Revoked).Ignore(k => k.Actor);
        return mapper;
    }
}
