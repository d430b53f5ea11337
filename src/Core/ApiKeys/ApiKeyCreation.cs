namespace PdBot.Core.ApiKeys;

/// <summary>A key just made (<see cref="Secret"/> is the only time the key itself exists outside the caller), or why not.</summary>
public sealed record ApiKeyCreation(ApiKey? Key, string? Secret, string? Problem)
{
    public bool Ok => Problem is null;
}
