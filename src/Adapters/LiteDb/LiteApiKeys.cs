using LiteDB;
using PdBot.Core.ApiKeys;
using PdBot.Core.Audit;

namespace PdBot.Adapters.LiteDb;

/// <summary>API keys (their hashes) in LiteDB, keyed by the lower-case name; writes go through the group-commit writer.</summary>
public sealed class LiteApiKeys : IApiKeyStore
{
    public const string Collection = "api_keys";

    private readonly LiteDbStorage _storage;
    private readonly LiteAuditLog _audit;

    public LiteApiKeys(LiteDbStorage storage, LiteAuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(storage);
        (_storage, _audit) = (storage, audit);

        // The name is the id (unique ignoring case, as the file's collation compares).
        storage.Database.Mapper.Entity<ApiKey>().Id(k => k.Name, autoId: false).Ignore(k => k.Revoked).Ignore(k => k.Actor);
    }

    private ILiteCollection<ApiKey> Keys => _storage.Database.GetCollection<ApiKey>(Collection);

    public ApiKey? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Keys.FindById(ApiKey.Normalize(name));
    }

    public IReadOnlyList<ApiKey> All() => [.. Keys.FindAll().OrderBy(k => k.Name, StringComparer.Ordinal)];

    public async Task<bool> AddAsync(ApiKey key, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);
        var added = false;
        await _storage.Writer.WriteAsync(db =>
        {
            var keys = db.GetCollection<ApiKey>(Collection);
            added = keys.FindById(key.Name) is null;
            if (added)
            {
                keys.Insert(key);
                _audit.AppendOnWriterThread(db, [entry]);
            }
        });
        return added;
    }

    public Task SaveAsync(ApiKey key, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);
        return _storage.Writer.WriteAsync(db =>
        {
            db.GetCollection<ApiKey>(Collection).Upsert(key);
            _audit.AppendOnWriterThread(db, [entry]);
        });
    }
}
