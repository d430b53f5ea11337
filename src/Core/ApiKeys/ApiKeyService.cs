using PdBot.Core.Audit;

namespace PdBot.Core.ApiKeys;

/// <summary>Makes, lists, revokes and checks API keys; the CLI, the console and the API all go through it.</summary>
public sealed class ApiKeyService(IApiKeyStore store, TimeProvider time)
{
    public IReadOnlyList<ApiKey> All() => store.All();

    public async Task<ApiKeyCreation> CreateAsync(string name, string scope, string actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ApiKeyEvents.NameProblem(name) is { } problem)
        {
            return new ApiKeyCreation(null, null, problem);
        }

        if (!ApiKeyScopes.All.Contains(scope, StringComparer.Ordinal))
        {
            return new ApiKeyCreation(null, null, $"неизвестная область «{scope}»: допустимы {string.Join(", ", ApiKeyScopes.All.Select(s => $"«{s}»"))}");
        }

        var now = Now();
        var secret = ApiKeySecret.Generate();
        var key = new ApiKey
        {
            Name = ApiKey.Normalize(name),
            Scope = scope,
            Hash = ApiKeySecret.Hash(secret),
            CreatedAtUtc = now,
            CreatedBy = actor,
        };
        var added = await store.AddAsync(key, Entry(now, ApiKeyEvents.Kind, ApiKeyEvents.Created, actor, $"ключ «{key.Name}», область {scope}"));
        return added ? new ApiKeyCreation(key, secret, null) : new ApiKeyCreation(null, null, $"имя ключа «{key.Name}» уже занято");
    }

    /// <summary>Revokes the key; returns why not, or null when it is revoked.</summary>
    public async Task<string?> RevokeAsync(string name, string actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var key = string.IsNullOrWhiteSpace(name) ? null : store.Find(ApiKey.Normalize(name));
        if (key is null)
        {
            return $"ключа «{name}» нет";
        }

        if (key.Revoked)
        {
            return $"ключ «{key.Name}» уже отозван";
        }

        var now = Now();
        (key.RevokedAtUtc, key.RevokedBy) = (now, actor);
        await store.SaveAsync(key, Entry(now, ApiKeyEvents.Kind, ApiKeyEvents.Revoked, actor, $"ключ «{key.Name}»"));
        return null;
    }

    /// <summary>
    /// The key (revoked ones too: the caller refuses them, by name) whose hash matches <paramref name="presented"/>,
    /// or null. Every stored hash is compared, in constant time, so the answer takes as long whichever key matches.
    /// </summary>
    public ApiKey? Find(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var hash = ApiKeySecret.Hash(presented);
        ApiKey? found = null;
        foreach (var key in store.All())
        {
            if (ApiKeySecret.Matches(key.Hash, hash))
            {
                found = key;
            }
        }

        return found;
    }

    /// <summary>A call made with <paramref name="key"/>: its audit entry, and the key's last use when it was served.</summary>
    public Task RecordCallAsync(ApiKey key, bool refused, string detail)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = Now();
        if (!key.Revoked)
        {
            key.LastUsedAtUtc = now;
        }

        return store.SaveAsync(key, Entry(now, ApiKeyEvents.CallKind, refused ? ApiKeyEvents.Refused : ApiKeyEvents.Call, key.Actor, detail));
    }

    private static AuditEntry Entry(DateTime now, string kind, string evt, string actor, string detail) => new()
    {
        TimeUtc = now,
        Kind = kind,
        Event = evt,
        Channel = ApiKeyEvents.Channel,
        Actor = actor,
        Detail = detail,
    };

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
