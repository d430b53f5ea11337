using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>
/// The turn pipeline of the in-process channels (the terminal, the console's test chat, tests), assembled here and
/// nowhere else: one turn at a time per person, then what the outbox holds for that chat. Telegram and VK do not
/// use it: their shared processing loop orders each person's turns and sends replies through the outbox.
/// </summary>
public sealed class TurnPipeline(TurnLockMiddleware locks, OutboxDeliveryMiddleware outbox)
{
    /// <param name="delivery">The outbox step, when the channel delivers differently (the test chat shows only its own chats).</param>
    public T Attach<T>(T adapter, PdBot.Core.Turns.IMiddleware? delivery = null)
        where T : BotAdapter
    {
        ArgumentNullException.ThrowIfNull(adapter);
        adapter.Use(locks);
        adapter.Use(delivery ?? outbox);
        return adapter;
    }
}
