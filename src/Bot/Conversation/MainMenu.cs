using System.Globalization;
using System.Text;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;
using PdBot.Core.Operator;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>The menu shown once the first question is settled, and the "my data" summary.</summary>
public static class MainMenu
{
    /// <param name="topics">The configured mailing topics: with any, a subscriber also gets «Темы рассылки».</param>
    /// <param name="inboxOpen">The person has an open conversation with the staff: «Завершить диалог» instead of «Позвать сотрудника».</param>
    public static BotMessage Build(ConsentCatalog catalog, ConsentSession session, string? lead = null, IReadOnlyList<MailingTopic>? topics = null, bool inboxOpen = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(session);
        var buttons = new List<Button>();
        var mailing = catalog.Mailing;
        var subscribed = session.StateOf(mailing.Id) == ConsentState.Given;
        buttons.Add(subscribed
            ? new Button(BotTexts.UnsubscribeButton, new Payload(Payload.Unsubscribe).ToString())
            : new Button(BotTexts.SubscribeButton, new Payload(Payload.Offer, mailing.Id).ToString()));
        if (subscribed && topics is { Count: > 0 })
        {
            buttons.Add(new Button(BotTexts.TopicsButton, new Payload(Payload.Topics).ToString()));
        }

        // What the consents are for: each asks for its consent first when it is not given.
        if (catalog.Consultation is not null)
        {
            buttons.Add(new Button(BotTexts.ConsultButton, new Payload(Payload.Consult).ToString()));
        }

        if (catalog.Review is not null)
        {
            buttons.Add(new Button(BotTexts.ReviewButton, new Payload(Payload.Review).ToString()));
        }

        buttons.Add(inboxOpen
            ? new Button(BotTexts.LeaveInboxButton, new Payload(Payload.LeaveInbox).ToString())
            : new Button(BotTexts.OperatorButton, new Payload(Payload.Operator).ToString()));

        foreach (var p in catalog.Purposes.Where(p => p.Id != mailing.Id))
        {
            buttons.Add(session.StateOf(p.Id) == ConsentState.Given
                ? new Button(BotTexts.WithdrawConsentPrefix + p.Title, new Payload(Payload.Withdraw, p.Id).ToString())
                : new Button(BotTexts.GiveConsentPrefix + p.Title, new Payload(Payload.Offer, p.Id).ToString()));
        }

        buttons.Add(new Button(BotTexts.MyDataButton, new Payload(Payload.MyData).ToString()));
        var text = lead is null ? BotTexts.MenuTitle : $"{lead}\n\n{BotTexts.MenuTitle}";
        return BotMessage.WithButtons(text, [.. buttons]);
    }

    public static BotMessage MyData(ConsentCatalog catalog, ConsentSession session, OperatorOptions op)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(op);
        var text = new StringBuilder("Ваши согласия в нашем боте:\n");
        foreach (var p in catalog.Purposes)
        {
            var r = session.RecordOf(p.Id);
            text.Append(CultureInfo.InvariantCulture, $"• {p.Title}: {Describe(r)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nОператор: {op.Name}, {op.Address}.\n{BotTexts.PolicyLine}{op.PolicyUrl}");
        var contacts = string.Join(", ", new[] { op.Email, string.IsNullOrWhiteSpace(op.Phone) ? "" : "тел. " + op.Phone }.Where(c => !string.IsNullOrWhiteSpace(c)));
        if (contacts.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nВопросы о ваших данных: {contacts}");
        }

        return BotMessage.WithButtons(text.ToString(), new Button(BotTexts.MenuButton, new Payload(Payload.Menu).ToString()));
    }

    private static string Describe(ConsentRecord? r) => r?.State switch
    {
        ConsentState.Given => $"дано {r.GivenAtUtc:dd.MM.yyyy} (редакция {r.TextVersion})",
        ConsentState.Withdrawn => "отозвано",
        ConsentState.Declined => "не дано (вы отказались)",
        ConsentState.NeedsRenewal => $"дано к редакции {r.TextVersion}, текст обновился — нужно подтвердить заново",
        ConsentState.Offered or ConsentState.Ticked => "не дано (форма не отправлена)",
        _ => "не запрашивалось",
    };
}
