namespace PdBot.Core.ApiKeys;

/// <summary>What an API key may be used for.</summary>
public static class ApiKeyScopes
{
    /// <summary>Create, read and cancel mailings (<c>/api/v1/mailings</c>).</summary>
    public const string Mailings = "mailings";

    /// <summary>Patient links and service notifications (<c>/api/v1/patients</c>, <c>/api/v1/notifications</c>).</summary>
    public const string Patients = "patients";

    public static readonly IReadOnlyList<string> All = [Mailings, Patients];
}
