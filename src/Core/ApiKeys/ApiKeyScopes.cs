namespace PdBot.Core.ApiKeys;

/// <summary>What an API key may be used for.</summary>
public static class ApiKeyScopes
{
    /// <summary>Create, read and cancel mailings (<c>/api/v1/mailings</c>).</summary>
    public const string Mailings = "mailings";

    public static readonly IReadOnlyList<string> All = [Mailings];
}
