namespace PdBot.Core.Unlawful;

/// <summary>The audit trail's words for operator-found unlawful processing (kind <see cref="Kind"/>).</summary>
public static class UnlawfulEvents
{
    public const string Kind = "unlawful";
    public const string Registered = "registered";
    public const string Stopped = "stopped";
    public const string Remedied = "remedied";
    public const string Blocked = "blocked";
    public const string Destroyed = "destroyed";

    /// <summary>The outbox kind of the service message to the person (a legal duty, not advertising).</summary>
    public const string NoticeKind = "unlawful-notice";

    public static string Of(UnlawfulTrigger trigger) => trigger switch
    {
        UnlawfulTrigger.Stop => Stopped,
        UnlawfulTrigger.Remedy => Remedied,
        UnlawfulTrigger.Block => Blocked,
        _ => Destroyed,
    };
}
