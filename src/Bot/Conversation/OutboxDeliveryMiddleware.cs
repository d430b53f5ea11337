using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>After each turn, sends what is waiting in the outbox for the turn's channel (approved answers, notices).</summary>
public sealed class OutboxDeliveryMiddleware(IOutbox store, TimeProvider time) : PdBot.Core.Turns.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken);
        await OutboxDispatcher.DeliverAsync(store, turn.Adapter, turn.Activity.ChannelId, time, cancellationToken);
    }
}
