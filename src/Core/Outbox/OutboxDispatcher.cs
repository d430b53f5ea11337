using PdBot.Core.Requests;
using PdBot.Core.Turns;

namespace PdBot.Core.Outbox;

/// <summary>Sends a channel's stored outgoing messages through its adapter, marking each sent only after the send returned.</summary>
public static class OutboxDispatcher
{
    /// <summary>Every chat of the channel: for adapters that address each message to its own chat (Telegram, VK).</summary>
    /// <returns>How many messages were sent.</returns>
    public static Task<int> DeliverAsync(IOutbox store, BotAdapter adapter, string channel, TimeProvider time, CancellationToken cancellationToken) =>
        DeliverAsync(store, adapter, channel, null, time, cancellationToken);

    /// <summary>
    /// Only the messages addressed to <paramref name="chatId"/>: a turn speaks with one chat, and an adapter such as
    /// the terminal shows whatever it is given to the person in front of it, so another chat's message must wait.
    /// </summary>
    /// <returns>How many messages were sent.</returns>
    public static Task<int> DeliverToChatAsync(IOutbox store, BotAdapter adapter, string channel, string chatId, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(chatId);
        return DeliverAsync(store, adapter, channel, chatId, time, cancellationToken);
    }

    private static async Task<int> DeliverAsync(IOutbox store, BotAdapter adapter, string channel, string? chatId, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(time);
        var sent = 0;
        foreach (var message in store.Pending(channel).Where(m => chatId is null || m.ChatId == chatId))
        {
            await adapter.ContinueConversationAsync(channel, message.ChatId, $"outbox-{message.Id}",
                (turn, ct) => turn.SendAsync(new BotMessage(message.Text), ct), cancellationToken);
            await store.MarkSentAsync(message, time.GetUtcNow().UtcDateTime, cancellationToken);
            sent++;
        }

        return sent;
    }
}
