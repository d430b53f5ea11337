namespace PdBot.Core.ApiKeys;

/// <summary>Audit names (distinct from other areas' events, which share one label table) of API keys (<c>Kind = "api-key"</c>) and of the calls made with them (<c>Kind = "api"</c>).</summary>
public static class ApiKeyEvents
{
    public const string Kind = "api-key";
    public const string Created = "api-key-created";
    public const string Revoked = "api-key-revoked";

    public const string CallKind = "api";

    /// <summary>A call that was answered with success.</summary>
    public const string Call = "api-call";

    /// <summary>A call with a known key that was refused (bad input, wrong scope, revoked key, unknown mailing…).</summary>
    public const string Refused = "api-refused";

    public const string Channel = "api";

    public const string ActorPrefix = "api:";

    public const int MaxNameLength = 64;

    /// <summary>Why a key name is not acceptable, or null when it is (Russian fragment, like the admin login rules).</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "имя ключа не может быть пустым"
        : name.Trim().Length > MaxNameLength ? $"имя ключа должно быть не длиннее {MaxNameLength} символов"
        : !name.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? "имя ключа может содержать только латинские буквы, цифры, «-», «_» и «.»"
        : null;
}
