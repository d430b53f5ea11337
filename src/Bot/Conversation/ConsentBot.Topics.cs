using PdBot.Core.Consent;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>
/// «Темы рассылки»: the topics a subscriber follows, preferences inside the mailing consent. Leaving every topic
/// stops the mailings but withdraws nothing; «Отписаться» stays the withdrawal (policy 5.2.1).
/// </summary>
public sealed partial class ConsentBot
{
    private async Task ShowTopicsAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        await session.SaveAsync(ct);
        if (SubscribedConsent(session) is not { } consent)
        {
            await NoteAsync(turn, mailings.Value.Topics.Count == 0 ? BotTexts.NoTopicsConfigured : BotTexts.TopicsNeedConsent, ct);
            return;
        }

        await turn.AnswerButtonAsync(null, ct);
        await turn.SendAsync(TopicMenu.Build(mailings.Value.Topics, consent), ct);
    }

    private async Task ToggleTopicAsync(ITurnContext turn, ConsentSession session, string? topicId, bool follow, CancellationToken ct)
    {
        var topics = mailings.Value.Topics;
        if (SubscribedConsent(session) is not { } consent)
        {
            // A box from before an unsubscribe: nothing to choose any more, and the stale boxes go.
            await session.SaveAsync(ct);
            await NoteAsync(turn, topics.Count == 0 ? BotTexts.NoTopicsConfigured : BotTexts.TopicsNeedConsent, ct);
            await RedrawAsync(turn, [], ct);
            return;
        }

        var followed = TopicMenu.Followed(topics, consent);
        var topic = mailings.Value.FindTopic(topicId);
        if (topic is null || followed.Contains(topic) == follow)
        {
            // A box pressed twice or shown before a change elsewhere: nothing changes, the boxes show the truth.
            await session.SaveAsync(ct);
            await NoteAsync(turn, topic is null ? BotTexts.TopicGone : follow ? BotTexts.TopicAlreadyFollowed(topic.Title) : BotTexts.TopicAlreadyLeft(topic.Title), ct);
            await RedrawAsync(turn, TopicMenu.Buttons(topics, consent), ct);
            return;
        }

        var next = topics.Where(t => t == topic ? follow : followed.Contains(t)).Select(t => t.Id).ToList();
        session.SetTopics(catalog.Mailing.Id, next, turn.Activity.MessageId);
        await session.SaveAsync(ct);
        await NoteAsync(turn, follow ? BotTexts.TopicFollowed(topic.Title) : BotTexts.TopicLeft(topic.Title), ct);
        await RedrawAsync(turn, TopicMenu.Buttons(topics, consent), ct);
        if (next.Count == 0)
        {
            await turn.SendAsync(new BotMessage(BotTexts.NoTopicsChosen), ct);
        }
    }

    private async Task TopicsDoneAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        await session.SaveAsync(ct);
        await turn.AnswerButtonAsync(null, ct);
        if (turn.Activity.ReplyToId is { } messageId)
        {
            await turn.UpdateButtonsAsync(messageId, [], ct);
        }

        var consent = SubscribedConsent(session);
        await turn.SendAsync(Menu(session, consent is null ? null : TopicMenu.Summary(mailings.Value.Topics, consent)), ct);
    }

    /// <summary>The mailing consent when it is given and there are topics to choose from.</summary>
    private ConsentRecord? SubscribedConsent(ConsentSession session) =>
        mailings.Value.Topics.Count > 0 && session.RecordOf(catalog.Mailing.Id) is { State: ConsentState.Given } consent ? consent : null;

    private static async Task RedrawAsync(ITurnContext turn, IReadOnlyList<IReadOnlyList<Button>> buttons, CancellationToken ct)
    {
        if (turn.Activity.Type == ActivityType.ButtonPress && turn.Activity.ReplyToId is { } messageId)
        {
            await turn.UpdateButtonsAsync(messageId, buttons, ct);
        }
    }
}
