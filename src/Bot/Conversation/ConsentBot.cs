using Microsoft.Extensions.Options;
using PdBot.Core.Consent;
using PdBot.Core.Operator;
using PdBot.Core.Retention;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>
/// The conversation: the consent prompt comes before anything else, the unsubscribe words work
/// everywhere, and every change is committed before the person is told about it.
/// </summary>
public sealed partial class ConsentBot(
    IConsentStore store,
    ConsentCatalog catalog,
    IOptions<OperatorOptions> op,
    RequestDialog requests,
    RetentionService retention,
    TimeProvider time,
    ILogger<ConsentBot> logger) : IBot
{
    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var a = turn.Activity;
        var session = ConsentSession.Open(store, catalog, time, a.ChannelId, a.UserId, a.ChatId);
        await (a.Type switch
        {
            ActivityType.Message => OnMessageAsync(turn, session, a.Text ?? "", cancellationToken),
            ActivityType.ButtonPress => OnPressAsync(turn, session, cancellationToken),
            ActivityType.Blocked => OnUnreachableAsync(session, a.MessageId, "blocked", cancellationToken),
            ActivityType.Unsubscribed => OnUnreachableAsync(session, a.MessageId, "denied-messages", cancellationToken),
            ActivityType.Subscribed => OnAllowedAsync(session, a.MessageId, cancellationToken),
            _ => Task.CompletedTask,
        });
    }

    private async Task OnMessageAsync(ITurnContext turn, ConsentSession session, string text, CancellationToken ct)
    {
        // The person wrote to us, so answering them is allowed again; a mailing is not (that needs a new consent).
        session.MarkReachable();
        if (UnsubscribeKeywords.Matches(text))
        {
            await UnsubscribeAsync(turn, session, ct);
            return;
        }

        // Requests about one's data never depend on a marketing consent.
        if (requests.OpenIntake(session) is { } intake)
        {
            await requests.AnswerAsync(turn, session, intake, text, ct);
            return;
        }

        if (RequestDialog.IsPrivacyCommand(text))
        {
            await requests.ShowMenuAsync(turn, session, ct);
            return;
        }

        // A person who withdrew or declined is not asked again on every message (or /start): the menu
        // offers the consent, and only their own tick and «Отправить» can bring it back.
        var defaultState = session.StateOf(catalog.Default.Id);
        if (defaultState is ConsentState.NotAsked or ConsentState.Offered or ConsentState.Ticked or ConsentState.NeedsRenewal)
        {
            await OfferAsync(turn, session, catalog.Default, ct);
            return;
        }

        await session.SaveAsync(ct);
        await turn.SendAsync(MainMenu.Build(catalog, session), ct);
    }

    private async Task OfferAsync(ITurnContext turn, ConsentSession session, PurposeOptions purpose, CancellationToken ct)
    {
        if (!session.Offer(purpose.Id))
        {
            await session.SaveAsync(ct);
            await turn.AnswerButtonAsync(BotTexts.AlreadyGiven, ct);
            if (turn.Activity.Type == ActivityType.Message)
            {
                await turn.SendAsync(MainMenu.Build(catalog, session, BotTexts.AlreadyGiven), ct);
            }

            return;
        }

        await session.SaveAsync(ct);
        await turn.AnswerButtonAsync(null, ct);
        await turn.SendAsync(ConsentPrompt.Build(purpose, op.Value), ct);
    }

    private async Task UnsubscribeAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        var mailing = catalog.Mailing.Id;
        var a = turn.Activity;
        string reply;
        var withdrawn = false;
        if (session.StateOf(mailing) is ConsentState.Given or ConsentState.NeedsRenewal)
        {
            withdrawn = session.Withdraw(mailing, a.MessageId, "unsubscribe");
            reply = BotTexts.Unsubscribed;
        }
        else if (session.StateOf(mailing) is ConsentState.Offered or ConsentState.Ticked)
        {
            session.Decline(mailing, a.MessageId);
            reply = BotTexts.MailingDeclined;
        }
        else
        {
            reply = BotTexts.NotSubscribed;
        }

        // Art. 15: the stop takes effect now, before we even answer.
        await session.SaveAsync(ct);
        LogConsent(mailing, session.StateOf(mailing), session.Person.Id);
        if (withdrawn)
        {
            await retention.ScheduleAsync(session.Person, mailing, "unsubscribe", ct);
        }

        await turn.AnswerButtonAsync(null, ct);
        await turn.SendAsync(MainMenu.Build(catalog, session, reply), ct);
    }

    private async Task OnUnreachableAsync(ConsentSession session, string? messageId, string reason, CancellationToken ct)
    {
        var mailing = catalog.Mailing.Id;
        var withdrawn = session.StateOf(mailing) is ConsentState.Given or ConsentState.NeedsRenewal && session.Withdraw(mailing, messageId, reason);
        session.MarkUnreachable(messageId, reason);
        await session.SaveAsync(ct);
        LogConsent(mailing, session.StateOf(mailing), session.Person.Id);
        if (withdrawn)
        {
            await retention.ScheduleAsync(session.Person, mailing, reason, ct);
        }
    }

    private static async Task OnAllowedAsync(ConsentSession session, string? messageId, CancellationToken ct)
    {
        session.RecordMessagesAllowed(messageId, "platform");
        await session.SaveAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consent {Purpose} is now {State} for person {PersonId}")]
    private partial void LogConsent(string purpose, ConsentState state, string personId);
}
