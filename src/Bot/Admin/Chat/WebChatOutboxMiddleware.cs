using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Core.Turns;

namespace PdBot.Bot.Admin.Chat;

/// <summary>
/// After each test-chat turn, delivers what waits in the outbox for test-chat people (e.g. an approved answer
/// to a request made in the test chat). Unlike <see cref="Conversation.OutboxDeliveryMiddleware"/> it leaves
/// other local-channel chats alone: those belong to <c>pdbot chat</c> in a terminal, and a message shown in
/// nobody's browser must not be marked sent.
/// </summary>
public sealed class WebChatOutboxMiddleware(IOutbox store, TimeProvider time) : PdBot.Core.Turns.IMiddleware, IDisposable
{
    // Turns of different admins run in parallel; two deliveries at once would both send the same entries.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken);
        await DeliverAsync(turn.Adapter, cancellationToken);
    }

    /// <returns>How many messages were delivered.</returns>
    public async Task<int> DeliverAsync(BotAdapter adapter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var sent = 0;
            foreach (var message in store.Pending(WebChatAdapter.Channel).Where(m => WebChatSessions.IsWebChat(m.ChatId)))
            {
                await adapter.ContinueConversationAsync(WebChatAdapter.Channel, message.ChatId, $"outbox-{message.Id}",
                    (turn, ct) => turn.SendAsync(new BotMessage(message.Text), ct), cancellationToken);
                await store.MarkSentAsync(message, time.GetUtcNow().UtcDateTime, cancellationToken);
                sent++;
            }

            return sent;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
