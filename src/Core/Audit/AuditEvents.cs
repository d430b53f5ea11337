namespace PdBot.Core.Audit;

/// <summary>The event names written to the audit trail and used in exports.</summary>
public static class AuditEvents
{
    public const string ConsentKind = "consent";
    public const string PersonKind = "person";

    public const string Given = "given";
    public const string Withdrawn = "withdrawn";
    public const string Declined = "declined";
    public const string NeedsRenewal = "needs-renewal";

    /// <summary>The consent's term ran out (a purpose with <c>RetentionDays</c>): ended by the retention job.</summary>
    public const string Expired = "expired";
    public const string Unreachable = "unreachable";
    public const string MessagesAllowed = "messages-allowed";

    /// <summary>The mailing topics followed changed (inside a given consent: not a consent event of its own).</summary>
    public const string Topics = "topics";

    public static readonly IReadOnlyList<string> ConsentEvents = [Given, Withdrawn, Declined, NeedsRenewal];
}
