using PdBot.Core.Audit;

namespace PdBot.Core.ApiKeys;

/// <summary>Where API keys are kept; every write carries its audit entry in the same transaction.</summary>
public interface IApiKeyStore
{
    ApiKey? Find(string name);

    /// <summary>Every key, by name.</summary>
    IReadOnlyList<ApiKey> All();

    /// <summary>Stores a new key; false (and nothing stored) when the name is taken.</summary>
    Task<bool> AddAsync(ApiKey key, AuditEntry entry);

    Task SaveAsync(ApiKey key, AuditEntry entry);
}
