namespace PdBot.Core.Inbox;

/// <summary>
/// A platform update as received, stored before the platform is told "ok". Its id is the platform's
/// dedupe key, so a redelivery finds it already there and has no second effect, across restarts too.
/// </summary>
public sealed class InboxItem
{
    /// <summary>"{channel}:{platform update id}".</summary>
    public string Id { get; set; } = "";

    public string Channel { get; set; } = "";

    /// <summary>The raw update (JSON) exactly as the platform sent it.</summary>
    public string Payload { get; set; } = "";

    public DateTime ReceivedAtUtc { get; set; }

    public DateTime? ProcessedAtUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>A demand to stop (unsubscribe, block, deny messages), recognised on arrival: processed ahead of other people's updates.</summary>
    public bool Urgent { get; set; }
}
