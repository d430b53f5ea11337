namespace PdBot.Core.Outbox;

/// <summary>What an outgoing message is about (<see cref="OutboxMessage.Kind"/>).</summary>
public static class OutboxKind
{
    /// <summary>A conversation turn's own reply: removed once delivered (the turn's effects are in the audit trail).</summary>
    public const string TurnReply = "reply";
    public const string RequestAnswer = "request-answer";
    public const string RequestRefusal = "request-refusal";
    public const string RequestExtension = "request-extension";
    public const string RequestNotice = "request-notice";
    public const string OperatorAlert = "operator-alert";

    /// <summary>A service notice to a person affected by an incident: a legal duty, not advertising (no mailing consent is asked).</summary>
    public const string ServiceNotice = "service-notice";
}
