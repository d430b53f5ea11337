namespace PdBot.Core.Alerts;

/// <summary>
/// Something operators must know about the system itself (a broken audit chain, a burst of failed sign-ins, a deadline
/// near): shown on the console's home page until someone accepts it, and sent to the admin chat once.
/// The text is Russian and carries no personal data: the admin chat is outside the console's access control.
/// </summary>
public sealed class SystemAlert
{
    public long Id { get; set; }

    /// <summary>One of <see cref="AlertKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>What the alert is about, unique: the same key is never raised twice (reruns of a check are harmless).</summary>
    public string Key { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTime RaisedAtUtc { get; set; }

    public DateTime? AcknowledgedAtUtc { get; set; }

    /// <summary>The login of whoever pressed «Принято».</summary>
    public string? AcknowledgedBy { get; set; }

    public bool IsOpen => AcknowledgedAtUtc is null;
}
