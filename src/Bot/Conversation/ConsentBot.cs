using PdBot.Core.Text;
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PdBot.Bot.Conversation.Consultation;
using PdBot.Bot.Conversation.Inbox;
using PdBot.Bot.Conversation.Intents;
using PdBot.Bot.Conversation.Patients;
using PdBot.Bot.Conversation.Reviews;
using PdBot.Bot.Conversation.Unsubscribe;
using PdBot.Core.Consent;
using PdBot.Core.Conversations;
using PdBot.Core.Mailings;
using PdBot.Core.Operator;
using PdBot.Core.Retention;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>
/// The conversation: a demand to stop works everywhere (even inside a form); nothing is asked for a purpose before
/// its consent; what the person came for decides the first prompt (the mailing is offered, never a gate); what the bot
/// does not handle itself goes to a person in the operator inbox; every change is committed before the person is told.
/// </summary>
public sealed partial class ConsentBot(
    IConsentStore store,
    ConsentCatalog catalog,
    IOptions<OperatorOptions> op,
    RequestDialog requests,
    RetentionService retention,
    HandoffDialog handoff,
    ConsultationDialog consultation,
    ReviewDialog reviews,
    PatientDialog patients,
    Violations.ViolationDialog violations,
    IOptions<MailingOptions> mailings,
    TimeProvider time,
    ILogger<ConsentBot> logger) : IBot
{
    /// <summary>The source recorded for people who came through a patient link.</summary>
    public const string PatientLinkSource = "patient-link";

    private static readonly TimeSpan StopQuestionLifetime = TimeSpan.FromMinutes(30);
    private static readonly string[] YesWords = ["да", "да отписаться", "да да", "ага", "угу", "конечно", "давайте", "да пожалуйста", "yes"];

    // Who was just asked «Отписаться от рассылки?» (person id → when). In memory: after a restart the
    // buttons under the question still work, only a typed «да» needs asking again.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _stopAsked = new(StringComparer.Ordinal);

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var a = turn.Activity;
        var session = ConsentSession.Open(store, catalog, time, a.ChannelId, a.UserId, a.ChatId);
        // A patient link's code is a one-time secret, not a subscription source: it is not kept on the person.
        session.ArrivedFrom(PdBot.Core.Patients.PatientService.IsCode(a.Source) ? PatientLinkSource : a.Source);
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
        if (TookStopQuestion(session) && StopAnswer(text) is { } answer)
        {
            await OnPayloadAsync(turn, session, answer, ct);
            return;
        }

        // While a request form waits for an answer, a typed menu label is the form's to handle (it reminds
        // the person of the question and offers «Отмена»); a demand to stop is still caught below.
        var intake = requests.OpenIntake(session);
        if (intake is null && TypedButtons.Find(text, catalog, session) is { } typed)
        {
            await OnPayloadAsync(turn, session, typed, ct);
            return;
        }

        // «Отказаться», «Нет» under a form decline that form, not the mailing (the prompt's footer says so);
        // while a request form waits for an answer, a bare «нет» is that answer.
        var open = ConsentPrompt.LatestOpen(catalog, session);
        if (open is not null && (DeclineWords.IsRefusal(text) || (intake is null && DeclineWords.IsDecline(text))))
        {
            await DeclineAsync(turn, session, open, clearPrompt: false, ct);
            return;
        }

        // Before the intake: a stop demand is never taken as an answer to a request form.
        switch (StopIntentClassifier.Classify(text))
        {
            case StopIntent.Unsubscribe:
                await UnsubscribeAsync(turn, session, ct);
                return;
            // A request's own statement («не хочу, чтобы мои данные обрабатывались») is the form's answer, not a doubt to ask about.
            case StopIntent.Ask when intake?.IntakeStep != nameof(Core.Requests.IntakeStep.Statement)
                && session.StateOf(catalog.Mailing.Id) is ConsentState.Given or ConsentState.NeedsRenewal or ConsentState.Offered or ConsentState.Ticked:
                await AskStopAsync(turn, session, ct);
                return;
        }

        // The answer to «что произошло» after «Сообщить о нарушении» (no consent needed, blocked or not).
        if (intake is null && await violations.AnswerAsync(turn, session, text, ct))
        {
            return;
        }

        // Requests about one's data never depend on a marketing consent.
        if (intake is not null)
        {
            await requests.AnswerAsync(turn, session, intake, text, ct);
            return;
        }

        if (RequestDialog.IsPrivacyCommand(text))
        {
            await requests.ShowMenuAsync(turn, session, ct);
            return;
        }

        // A report of a leak is a legal duty like /privacy: no consent, blocked or not.
        if (ChatIntents.Classify(text) == ChatIntent.Violation)
        {
            await violations.AskAsync(turn, session, ct);
            return;
        }

        if (!session.Person.MayProcess())
        {
            await BlockedAsync(turn, session, ct);
            return;
        }

        // A purpose's open form takes the answer (each checks its own consent is still in force). A form exists only
        // after its consent was asked for, so someone who never met that consent costs no look-up here.
        if ((HasMet(session, catalog.Consultation) && await consultation.AnswerAsync(turn, session, text, ct))
            || (HasMet(session, catalog.Review) && await reviews.AnswerAsync(turn, session, text, ct)))
        {
            return;
        }

        var intent = ChatIntents.Classify(text);

        // A patient link opened while another form waits: the link is what the person came for.
        if (intent == ChatIntent.Start && await patients.OnArrivalAsync(turn, session, ct))
        {
            return;
        }

        // An open consent form keeps its tick: the person is told what to press, unless they came for something else.
        if (open is not null && intent is ChatIntent.None or ChatIntent.Start)
        {
            await (intent == ChatIntent.Start ? OfferAsync(turn, session, open, ct) : HintAsync(turn, session, open, ct));
            return;
        }

        switch (intent)
        {
            case ChatIntent.Operator:
                await handoff.PassOnAsync(turn, session, text, ConversationTopics.Asked, lead => Menu(session, lead), ct);
                return;
            case ChatIntent.Booking when catalog.Consultation is { } purpose:
                await ForPurposeAsync(turn, session, purpose, consultation.StartAsync, ct);
                return;
            case ChatIntent.Review when catalog.Review is { } purpose:
                await ForPurposeAsync(turn, session, purpose, reviews.StartAsync, ct);
                return;
            case ChatIntent.Start:
                await StartAsync(turn, session, ct);
                return;
        }

        // A linked patient's message is for the clinic's staff and systems; anything else the bot does not handle goes to the inbox.
        if (!await patients.AnswerAsync(turn, session, text, ct))
        {
            var topic = catalog.Patient is { } p && session.StateOf(p.Id) == ConsentState.Given ? ConversationTopics.Patient : ConversationTopics.Unhandled;
            await handoff.PassOnAsync(turn, session, text, topic, lead => Menu(session, lead), ct);
        }
    }

    /// <summary>
    /// A greeting or /start (a patient link was handled before): a link naming a purpose (<c>?start=consultation</c>) offers that
    /// consent; a new person is offered the default (mailing) consent; anyone else gets the menu.
    /// </summary>
    private async Task StartAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        if (turn.Activity.Source is { } source && catalog.Find(source) is { } named)
        {
            await ForPurposeAsync(turn, session, named, named.Id == catalog.Consultation?.Id ? consultation.StartAsync
                : named.Id == catalog.Review?.Id ? reviews.StartAsync : null, ct);
            return;
        }

        // A person who withdrew or declined is not asked again on every /start: the menu offers the consent,
        // and only their own tick and «Отправить» can bring it back.
        if (session.StateOf(catalog.Default.Id) is ConsentState.NotAsked or ConsentState.NeedsRenewal)
        {
            await OfferAsync(turn, session, catalog.Default, ct);
            return;
        }

        await session.SaveAsync(ct);
        await turn.SendAsync(Menu(session), ct);
    }

    /// <summary>What needs a purpose's consent: with it in force, <paramref name="then"/>; without it, its consent form first.</summary>
    private async Task ForPurposeAsync(ITurnContext turn, ConsentSession session, PurposeOptions purpose,
        Func<ITurnContext, ConsentSession, CancellationToken, Task>? then, CancellationToken ct)
    {
        if (session.StateOf(purpose.Id) == ConsentState.Given)
        {
            await session.SaveAsync(ct);
            await turn.AnswerButtonAsync(null, ct);
            await (then?.Invoke(turn, session, ct) ?? turn.SendAsync(Menu(session, BotTexts.AlreadyGiven), ct));
            return;
        }

        await OfferAsync(turn, session, purpose, ct);
    }

    private static bool HasMet(ConsentSession session, PurposeOptions? purpose) => purpose is not null && session.RecordOf(purpose.Id) is not null;

    private static async Task BlockedAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        await session.SaveAsync(ct);
        await turn.AnswerButtonAsync(BotTexts.BlockedHint, ct);
        await turn.SendAsync(BotMessage.WithButtons(BotTexts.Blocked(session.Person.BlockedByRequestId),
            new Button(BotTexts.MyDataButton, new Payload(Payload.MyData).ToString())), ct);
    }

    private static async Task HintAsync(ITurnContext turn, ConsentSession session, PurposeOptions open, CancellationToken ct)
    {
        await session.SaveAsync(ct);
        await turn.SendAsync(new BotMessage(BotTexts.OpenFormHint(open.Title, session.StateOf(open.Id) == ConsentState.Ticked)), ct);
    }

    private async Task OfferAsync(ITurnContext turn, ConsentSession session, PurposeOptions purpose, CancellationToken ct)
    {
        if (!session.Offer(purpose.Id))
        {
            await session.SaveAsync(ct);
            await turn.AnswerButtonAsync(BotTexts.AlreadyGiven, ct);
            if (turn.Activity.Type == ActivityType.Message)
            {
                await turn.SendAsync(Menu(session, BotTexts.AlreadyGiven), ct);
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
        if (session.StateOf(mailing) is ConsentState.Offered or ConsentState.Ticked)
        {
            await DeclineAsync(turn, session, catalog.Mailing, clearPrompt: false, ct);
            return;
        }

        var withdrawn = session.StateOf(mailing) is ConsentState.Given or ConsentState.NeedsRenewal
            && session.Withdraw(mailing, turn.Activity.MessageId, "unsubscribe");

        // Art. 15: the stop takes effect now, before we even answer.
        await session.SaveAsync(ct);
        LogConsent(mailing, session.StateOf(mailing), session.Person.Id);
        if (withdrawn)
        {
            await retention.ScheduleAsync(session.Person, mailing, "unsubscribe", ct);
        }

        // A stop typed inside a request form leaves the form open: say so, or the person thinks it is gone.
        var reply = withdrawn ? BotTexts.Unsubscribed : BotTexts.NotSubscribed;
        await turn.AnswerButtonAsync(null, ct);
        await turn.SendAsync(Menu(session, requests.OpenIntake(session) is null ? reply : $"{reply}\n\n{BotTexts.IntakeContinues}"), ct);
    }

    private async Task DeclineAsync(ITurnContext turn, ConsentSession session, PurposeOptions purpose, bool clearPrompt, CancellationToken ct)
    {
        if (!session.Decline(purpose.Id, turn.Activity.MessageId))
        {
            await NoteAsync(turn, session.StateOf(purpose.Id) == ConsentState.Given ? BotTexts.AlreadyGiven : BotTexts.FormOutdated, ct);
            return;
        }

        await session.SaveAsync(ct);
        LogConsent(purpose.Id, ConsentState.Declined, session.Person.Id);
        await turn.AnswerButtonAsync(null, ct);
        if (clearPrompt && turn.Activity.ReplyToId is { } messageId)
        {
            await turn.UpdateButtonsAsync(messageId, [], ct);
        }

        var reply = purpose.Id == catalog.Mailing.Id ? BotTexts.MailingDeclined : BotTexts.Declined(purpose.Title);
        await turn.SendAsync(Menu(session, reply), ct);
    }

    /// <summary>Not sure the person wants to stop: asked once, and a plain «да» right after confirms.</summary>
    private async Task AskStopAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        await session.SaveAsync(ct);
        _stopAsked[session.Person.Id] = time.GetUtcNow();
        await turn.SendAsync(BotMessage.WithButtons(
            BotTexts.StopQuestion,
            new Button(BotTexts.StopYesButton, new Payload(Payload.StopYes).ToString()),
            new Button(BotTexts.StopNoButton, new Payload(Payload.StopNo).ToString())), ct);
    }

    /// <summary>True when the last thing the bot did for this person was asking «Отписаться от рассылки?»; forgets it.</summary>
    private bool TookStopQuestion(ConsentSession session) =>
        _stopAsked.TryRemove(session.Person.Id, out var at) && time.GetUtcNow() - at < StopQuestionLifetime;

    private static Payload? StopAnswer(string text) =>
        YesWords.Contains(ChatText.Normalize(text)) ? new Payload(Payload.StopYes)
        : DeclineWords.IsDecline(text) ? new Payload(Payload.StopNo)
        : null;

    /// <summary>A hint for a press, a message for the same thing typed (a typed label has no press to answer).</summary>
    private static async Task NoteAsync(ITurnContext turn, string text, CancellationToken ct)
    {
        if (turn.Activity.Type == ActivityType.ButtonPress)
        {
            await turn.AnswerButtonAsync(text, ct);
        }
        else
        {
            await turn.SendAsync(new BotMessage(text), ct);
        }
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

    private BotMessage Menu(ConsentSession session, string? lead = null) =>
        MainMenu.Build(catalog, session, lead, mailings.Value.Topics, handoff.IsOpen(session));

    [LoggerMessage(Level = LogLevel.Information, Message = "Consent {Purpose} is now {State} for person {PersonId}")]
    private partial void LogConsent(string purpose, ConsentState state, string personId);
}
