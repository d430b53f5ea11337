using PdBot.Core.Consent;
using PdBot.Core.Mailings;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>«Темы рассылки»: a box per configured topic (☑ followed, ☐ not) and «Готово».</summary>
public static class TopicMenu
{
    public static BotMessage Build(IReadOnlyList<MailingTopic> topics, ConsentRecord consent) => new(BotTexts.TopicsTitle, Buttons(topics, consent));

    public static IReadOnlyList<IReadOnlyList<Button>> Buttons(IReadOnlyList<MailingTopic> topics, ConsentRecord consent)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var followed = Followed(topics, consent);
        var rows = topics.Select(t => (IReadOnlyList<Button>)[followed.Contains(t)
            ? new Button($"{BotTexts.Checked} {t.Title}", new Payload(Payload.TopicOff, t.Id).ToString())
            : new Button($"{BotTexts.Unchecked} {t.Title}", new Payload(Payload.TopicOn, t.Id).ToString())]).ToList();
        rows.Add([new Button(BotTexts.TopicsDoneButton, new Payload(Payload.TopicsDone).ToString())]);
        return rows;
    }

    /// <summary>The configured topics the consent follows, in configuration order (none chosen yet: all of them).</summary>
    public static List<MailingTopic> Followed(IReadOnlyList<MailingTopic> topics, ConsentRecord consent)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(consent);
        return [.. topics.Where(t => MailingAudience.Follows(consent, t.Id))];
    }

    /// <summary>What the menu says after «Готово»: the topics followed, or that none is not a withdrawal.</summary>
    public static string Summary(IReadOnlyList<MailingTopic> topics, ConsentRecord consent)
    {
        var followed = Followed(topics, consent);
        return followed.Count == 0 ? BotTexts.NoTopicsChosen : BotTexts.TopicsChosen(followed.Select(t => t.Title));
    }
}
