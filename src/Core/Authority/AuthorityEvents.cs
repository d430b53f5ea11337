namespace PdBot.Core.Authority;

/// <summary>The audit trail's words for Roskomnadzor requests (kind <see cref="Kind"/>).</summary>
public static class AuthorityEvents
{
    public const string Kind = "authority";
    public const string Registered = "registered";
    public const string Extended = "extended";
    public const string Answered = "answered";
}
