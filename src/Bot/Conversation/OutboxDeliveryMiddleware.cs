using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>
/// After each turn, sends what is waiting in the outbox for the turn's own chat (approved answers, notices).
/// Only that chat: the local terminal prints whatever it is given to the person at the keyboard, so u2's turn
/// must not show (and mark sent) u1's answer. Other chats get theirs in their own turns or from their channel's
/// delivery loop (Telegram, VK).
/// </summary>
public sealed class OutboxDeliveryMiddleware(IOutbox store, TimeProvider time) : PdBot.Core.Turns.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken);
        var a = turn.Activity;
        await OutboxDispatcher.DeliverToChatAsync(store, turn.Adapter, a.ChannelId, a.ChatId, time, cancellationToken);
    }
}
