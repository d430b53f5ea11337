namespace PdBot.Core.Inbox;

/// <summary>Stored incoming updates: at-least-once delivery from the platform, exactly-once effects here.</summary>
public interface IInbox
{
    /// <summary>Stores the item; false when an item with the same id is already stored (a redelivery).</summary>
    Task<bool> TryAddAsync(InboxItem item, CancellationToken cancellationToken = default);

    /// <summary>Items of a channel not processed yet, oldest first.</summary>
    IReadOnlyList<InboxItem> Unprocessed(string channel);


    Task MarkFailedAsync(InboxItem item, string error, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets processed updates received before <paramref name="beforeUtc"/>: past the platforms' redelivery
    /// windows (Telegram 24 h, VK 3 h) they can no longer come again, and they hold raw personal messages.
    /// </summary>
    Task<int> SweepAsync(DateTime beforeUtc, CancellationToken cancellationToken = default);

    /// <summary>A channel's stored read position (e.g. VK Long Poll ts), moved only past stored updates.</summary>
    string? GetCursor(string channel);

    Task SetCursorAsync(string channel, string value, CancellationToken cancellationToken = default);
}
