using PdBot.Core.Inbox;

namespace PdBot.Tests.Stores.Requests;

/// <summary>Small steps on inbox items in the contract tests.</summary>
public static class InboxItemSteps
{
    /// <summary>The item marked processed at <paramref name="atUtc"/> (the same object).</summary>
    public static InboxItem Processed(this InboxItem item, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.ProcessedAtUtc = atUtc;
        return item;
    }
}
