using PdBot.Core.Text;
using PdBot.Core.Consent;

namespace PdBot.Bot.Conversation;

/// <summary>
/// A button's label typed instead of pressed (clients without buttons, people who type what they read)
/// acts as the press: «Отписаться от рассылки» typed is the menu's unsubscribe button.
/// </summary>
public static class TypedButtons
{
    public static Payload? Find(string? text, ConsentCatalog catalog, ConsentSession session)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var typed = ChatText.Normalize(text);
        if (typed.Length == 0)
        {
            return null;
        }

        var open = ConsentPrompt.LatestOpen(catalog, session);
        return Labels(catalog, open).FirstOrDefault(l => ChatText.Normalize(l.Label) == typed).Payload;
    }

    private static IEnumerable<(string Label, Payload? Payload)> Labels(ConsentCatalog catalog, PurposeOptions? open)
    {
        yield return (BotTexts.MenuButton, new Payload(Payload.Menu));
        yield return (BotTexts.MyDataButton, new Payload(Payload.MyData));
        yield return (BotTexts.SubscribeButton, new Payload(Payload.Offer, catalog.Mailing.Id));
        yield return (BotTexts.UnsubscribeButton, new Payload(Payload.Unsubscribe));
        yield return (BotTexts.StopYesButton, new Payload(Payload.StopYes));
        yield return (BotTexts.TopicsButton, new Payload(Payload.Topics));
        yield return (BotTexts.ConsultButton, new Payload(Payload.Consult));
        yield return (BotTexts.ReviewButton, new Payload(Payload.Review));
        yield return (BotTexts.OperatorButton, new Payload(Payload.Operator));
        yield return (BotTexts.LeaveInboxButton, new Payload(Payload.LeaveInbox));
        foreach (var p in catalog.Purposes.Where(p => p.Id != catalog.Mailing.Id))
        {
            yield return (BotTexts.GiveConsentPrefix + p.Title, new Payload(Payload.Offer, p.Id));
            yield return (BotTexts.WithdrawConsentPrefix + p.Title, new Payload(Payload.Withdraw, p.Id));
        }

        if (open is not null)
        {
            yield return (BotTexts.SubmitButton, new Payload(Payload.Submit, open.Id));
        }
        else
        {
            // Under an open consent form «готово» must not read as done: the form's hint says what to press.
            yield return (BotTexts.TopicsDoneButton, new Payload(Payload.TopicsDone));
        }
    }
}
