using PdBot.Core.Outbox;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Processing;

/// <summary>
/// The adapter a platform channel's turns run on: nothing the bot says reaches the platform during the turn.
/// Every message, press answer and button edit becomes an <see cref="OutboxMessage"/> of the turn, committed with
/// the turn's state and delivered afterwards by the channel's sender at the platform's pace.
/// </summary>
public sealed class OutboxTurnAdapter(TimeProvider time) : BotAdapter
{
    private const string RepliesKey = "pdbot.replies";

    /// <summary>The calls the turn made so far, in order.</summary>
    public static List<OutboxMessage> RepliesOf(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!turn.TurnState.TryGetValue(RepliesKey, out var list))
        {
            list = new List<OutboxMessage>();
            turn.TurnState[RepliesKey] = list;
        }

        return (List<OutboxMessage>)list;
    }

    public override Task<string> SendAsync(ITurnContext turn, BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reply = Reply(turn, OutboxAction.Send, message.Text);
        reply.Buttons = OutboxButtons.Write(message.Buttons);

        // The platform's id is not known yet; nothing in a turn needs it.
        return Task.FromResult("");
    }

    public override Task AnswerButtonAsync(ITurnContext turn, string? hint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.ButtonPressId is not null || !string.IsNullOrEmpty(hint))
        {
            Reply(turn, OutboxAction.Answer, hint ?? "").PressId = turn.Activity.ButtonPressId;
        }

        return Task.CompletedTask;
    }

    public override Task UpdateButtonsAsync(ITurnContext turn, string messageId, IReadOnlyList<IReadOnlyList<Button>> buttons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        var reply = Reply(turn, OutboxAction.Edit, "");
        reply.EditMessageId = messageId;
        reply.Buttons = OutboxButtons.Write(buttons);
        return Task.CompletedTask;
    }

    private OutboxMessage Reply(ITurnContext turn, string action, string text)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var replies = RepliesOf(turn);
        var a = turn.Activity;
        var reply = new OutboxMessage
        {
            Channel = a.ChannelId,
            ChatId = a.ChatId,
            UserId = a.UserId,
            Text = text,
            Kind = OutboxKind.TurnReply,
            Action = action,
            TextButtonsOnly = a.TextButtonsOnly,

            // Stable across a re-run of the same update: VK's random_id is derived from it.
            DedupeKey = $"{a.DedupeKey ?? a.MessageId}:{replies.Count + 1}:{a.ChatId}",
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        replies.Add(reply);
        return reply;
    }
}
