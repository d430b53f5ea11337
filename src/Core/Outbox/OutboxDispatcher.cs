using PdBot.Core.Turns;

namespace PdBot.Core.Outbox;

/// <summary>Sends a channel's stored outgoing messages through its adapter, marking each sent only after the send returned.</summary>
public static class OutboxDispatcher
{
    /// <returns>How many messages were sent.</returns>
    public static async Task<int> DeliverAsync(IOutbox store, BotAdapter adapter, string channel, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(time);
        var sent = 0;
        foreach (var message in store.Pending(channel))
        {
            await adapter.ContinueConversationAsync(channel, message.ChatId, $"outbox-{message.Id}",
                (turn, ct) => turn.SendAsync(new BotMessage(message.Text), ct), cancellationToken);
            await store.MarkSentAsync(message, time.GetUtcNow().UtcDateTime, cancellationToken);
            sent++;
        }

        return sent;
    }
}
