namespace PdBot.Core.ApiKeys;

/// <summary>
/// A key another system of the clinic calls the HTTP API with. Only the SHA-256 of the key is kept: the key itself is
/// shown once, when it is made.
/// </summary>
public sealed class ApiKey
{
    /// <summary>Trimmed and lower-case; the id, so names are unique ignoring case. Audited as "api:{name}".</summary>
    public string Name { get; set; } = "";

    /// <summary>What the key may do (<see cref="ApiKeyScopes"/>).</summary>
    public string Scope { get; set; } = "";

    /// <summary>SHA-256 of the key (hex).</summary>
    public string Hash { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime? LastUsedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public string? RevokedBy { get; set; }

    public bool Revoked => RevokedAtUtc is not null;

    /// <summary>The audit actor of the calls made with this key.</summary>
    public string Actor => ApiKeyEvents.ActorPrefix + Name;

    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant();
    }
}
