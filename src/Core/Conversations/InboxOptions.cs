namespace PdBot.Core.Conversations;

/// <summary>Configuration section <c>Inbox</c>: the operator inbox.</summary>
public sealed class InboxOptions
{
    /// <summary>How long conversation messages are kept before the retention job destroys them.</summary>
    public int RetentionDays { get; set; } = 30;
}
