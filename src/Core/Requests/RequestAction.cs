namespace PdBot.Core.Requests;

/// <summary>
/// What happened to a request: the history's actions and the audit trail's events (kind "request" or
/// "retention"). One vocabulary, so the console, the CLI and the label table name the same things.
/// </summary>
public static class RequestAction
{
    public const string RequestKind = "request";
    public const string RetentionKind = "retention";

    public const string IntakeStarted = "intake-started";
    public const string Received = "received";
    public const string BlockedOnReceipt = "blocked-on-receipt";
    public const string IdentityConfirmed = "identity-confirmed";
    public const string Blocked = "blocked";
    public const string Unblocked = "unblocked";
    public const string Extended = "extended";
    public const string Refused = "refused";
    public const string Answered = "answered";
    public const string AnswerDelivered = "answer-delivered";
    public const string Cancelled = "cancelled";
    public const string Superseded = "superseded";
    public const string Closed = "closed";
    public const string Corrected = "corrected";
    public const string ProcessingStopped = "processing-stopped";
    public const string MarketingStopped = "marketing-stopped";
    public const string Destroyed = "destroyed";
    public const string BlockedOtherBasis = "blocked-other-basis";
    public const string NoConsent = "no-consent";

    /// <summary>Every action above, for the label table's completeness test.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        IntakeStarted, Received, BlockedOnReceipt, IdentityConfirmed, Blocked, Unblocked, Extended, Refused, Answered,
        AnswerDelivered, Cancelled, Superseded, Closed, Corrected, ProcessingStopped, MarketingStopped, Destroyed,
        BlockedOtherBasis, NoConsent,
    ];

    /// <summary>An operator reminder N working days before the due date (0: the day itself).</summary>
    public static string Alert(int workingDaysLeft) => "alert-" + workingDaysLeft.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The audit event of an operator action on a request ("request-answered"…), as before.</summary>
    public static string AuditEvent(string action) => "request-" + action;
}
