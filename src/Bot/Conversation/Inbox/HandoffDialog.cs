using PdBot.Core.Clinic;
using PdBot.Core.Consent;
using PdBot.Core.Conversations;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation.Inbox;

/// <summary>
/// Passing a person on to the clinic's staff: what the bot does not handle itself, «Позвать сотрудника» and «оператор»
/// go to the person's conversation in the operator inbox (<c>/admin/inbox</c>). The person is told once, when the
/// conversation opens, that a person will answer and when; later messages simply join it.
/// </summary>
public sealed class HandoffDialog(ConversationService conversations, ClinicHours hours, TimeProvider time)
{
    public bool IsOpen(ConsentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return conversations.Store.LatestOf(session.Person.Id) is { State: ConversationState.Open };
    }

    /// <param name="asked">The person asked for a person («оператор», the menu button), rather than wrote something the bot does not handle.</param>
    /// <param name="menu">The menu to show under the notice (built by the caller, who knows the person's consents).</param>
    public async Task PassOnAsync(ITurnContext turn, ConsentSession session, string text, string topic, Func<string, BotMessage> menu, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(menu);
        await session.SaveAsync(ct);
        var wasOpen = IsOpen(session);
        await conversations.FromPersonAsync(session.Person, text, topic, ct);
        await turn.AnswerButtonAsync(null, ct);
        if (!wasOpen || topic == ConversationTopics.Asked)
        {
            var notice = BotTexts.PassedOn(topic == ConversationTopics.Asked, hours.ExpectAnswer(time.GetUtcNow()));
            await turn.SendAsync(menu(notice), ct);
        }
    }

    /// <summary>«Завершить диалог с сотрудником»: the person closes their conversation (it reopens when they write again).</summary>
    public async Task LeaveAsync(ITurnContext turn, ConsentSession session, Func<string, BotMessage> menu, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(menu);
        await session.SaveAsync(ct);
        var left = await conversations.CloseByPersonAsync(session.Person, ct);
        await turn.AnswerButtonAsync(null, ct);
        await turn.SendAsync(menu(left ? BotTexts.InboxLeft : BotTexts.InboxNotOpen), ct);
    }
}
