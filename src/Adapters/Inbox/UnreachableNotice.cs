using PdBot.Core.Inbox;

namespace PdBot.Adapters.Inbox;

/// <summary>
/// A send the platform refused because the person blocked or denied messages, stored as an update of its
/// own: it then goes through the same path as the platform's own "blocked" event (mailing withdrawn, unreachable).
/// </summary>
public static class UnreachableNotice
{
    public const string Prefix = "unreachable:";

    public static InboxItem Create(string channel, string chatId, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return new InboxItem
        {
            Id = $"{channel}:unreachable:{chatId}:{now.ToUnixTimeMilliseconds()}",
            Channel = channel,
            Payload = Prefix + chatId,
            ReceivedAtUtc = now.UtcDateTime,
        };
    }

    /// <summary>The chat id if <paramref name="item"/> is such a notice.</summary>
    public static string? ChatIdOf(InboxItem item) =>
        item is not null && item.Payload.StartsWith(Prefix, StringComparison.Ordinal) ? item.Payload[Prefix.Length..] : null;
}
