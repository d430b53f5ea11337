using PdBot.Core.Consent;
using PdBot.Core.Conversations;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>Button presses (and labels typed instead): the checkbox, «Отправить», «Не согласен(на)» and the menu.</summary>
public sealed partial class ConsentBot
{
    private Task OnPressAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        // A press in between means the question «Отписаться от рассылки?» is no longer the last thing asked.
        _stopAsked.TryRemove(session.Person.Id, out _);
        return OnPayloadAsync(turn, session, Payload.Parse(turn.Activity.Payload), ct);
    }

    private async Task OnPayloadAsync(ITurnContext turn, ConsentSession session, Payload? payload, CancellationToken ct)
    {
        var purpose = payload?.Argument is { } id ? catalog.Find(id) : null;

        // A blocked person's data serve no purpose until unblocked: no prompt, tick, consent or menu of purposes.
        // Declining, withdrawing, unsubscribing and requests about their data still work.
        if (!session.Person.MayProcess() && payload?.Action is Payload.Tick or Payload.Untick or Payload.Submit or Payload.Offer or Payload.Menu
            or Payload.Topics or Payload.TopicOn or Payload.TopicOff or Payload.TopicsDone or Payload.Consult or Payload.Review or Payload.Operator)
        {
            await BlockedAsync(turn, session, ct);
            return;
        }

        switch (payload?.Action)
        {
            case Payload.Tick or Payload.Untick when purpose is not null:
                await ToggleAsync(turn, session, purpose, payload.Action == Payload.Tick, ct);
                break;
            case Payload.Submit when purpose is not null:
                await SubmitAsync(turn, session, purpose, ct);
                break;
            case Payload.Decline when purpose is not null:
                await DeclineAsync(turn, session, purpose, clearPrompt: true, ct);
                break;
            case Payload.Offer when purpose is not null:
                await OfferAsync(turn, session, purpose, ct);
                break;
            case Payload.Withdraw when purpose is not null && purpose.Id == catalog.Mailing.Id:
            case Payload.Unsubscribe or Payload.StopYes:
                await UnsubscribeAsync(turn, session, ct);
                break;
            case Payload.Withdraw when purpose is not null:
                await WithdrawAsync(turn, session, purpose, ct);
                break;
            case Payload.Topics:
                await ShowTopicsAsync(turn, session, ct);
                break;
            case Payload.TopicOn or Payload.TopicOff:
                await ToggleTopicAsync(turn, session, payload.Argument, payload.Action == Payload.TopicOn, ct);
                break;
            case Payload.TopicsDone:
                await TopicsDoneAsync(turn, session, ct);
                break;
            case Payload.MyData:
                await requests.ShowMenuAsync(turn, session, ct);
                break;
            case Violations.ViolationDialog.Action:
                await (payload.Argument == Violations.ViolationDialog.CancelArgument ? violations.CancelAsync(turn, session, ct) : violations.AskAsync(turn, session, ct));
                break;
            case Payload.Request when Enum.TryParse<Core.Requests.RequestType>(payload.Argument, out var type):
                await requests.StartAsync(turn, session, type, ct);
                break;
            case Payload.RequestPurpose when purpose is not null || payload.Argument == RequestPrompts.AllPurposes:
                await requests.ChoosePurposeAsync(turn, session, purpose?.Id, ct);
                break;
            case RequestFormPayload.Cancel or RequestFormPayload.Choice:
                await requests.OnPressAsync(turn, session, payload, ct);
                break;
            case Payload.Menu or Payload.StopNo:
                await session.SaveAsync(ct);
                await turn.AnswerButtonAsync(null, ct);
                await turn.SendAsync(Menu(session, payload.Action == Payload.StopNo ? BotTexts.MailingKept : null), ct);
                break;
            case Payload.Consult when catalog.Consultation is { } c:
                await ForPurposeAsync(turn, session, c, consultation.StartAsync, ct);
                break;
            case Payload.Review when catalog.Review is { } r:
                await ForPurposeAsync(turn, session, r, reviews.StartAsync, ct);
                break;
            case Payload.Operator:
                await handoff.PassOnAsync(turn, session, BotTexts.OperatorButton, ConversationTopics.Asked, lead => Menu(session, lead), ct);
                break;
            case Payload.LeaveInbox:
                await handoff.LeaveAsync(turn, session, lead => Menu(session, lead), ct);
                break;
            default:
                // The purposes' own buttons (form answers, notifications); a blocked person's forms do not move.
                if (payload is not null && session.Person.MayProcess()
                    && (await consultation.OnPressAsync(turn, session, payload, ct) || await reviews.OnPressAsync(turn, session, payload, ct)
                        || await patients.OnPressAsync(turn, session, payload, ct)))
                {
                    break;
                }

                await NoteAsync(turn, session.Person.MayProcess() ? BotTexts.UnknownButton : BotTexts.BlockedHint, ct);
                break;
        }
    }

    private static async Task ToggleAsync(ITurnContext turn, ConsentSession session, PurposeOptions purpose, bool tick, CancellationToken ct)
    {
        var done = tick ? session.Tick(purpose.Id) : session.Untick(purpose.Id);
        if (!done)
        {
            var state = session.StateOf(purpose.Id);
            await turn.AnswerButtonAsync(state switch
            {
                ConsentState.Ticked => BotTexts.AlreadyTicked,
                ConsentState.Offered => BotTexts.AlreadyUnticked,
                ConsentState.Given => BotTexts.AlreadyGiven,
                _ => BotTexts.FormOutdated,
            }, ct);
            return;
        }

        await session.SaveAsync(ct);
        await turn.AnswerButtonAsync(tick ? BotTexts.Ticked : BotTexts.Unticked, ct);
        if (turn.Activity.ReplyToId is { } messageId)
        {
            await turn.UpdateButtonsAsync(messageId, ConsentPrompt.Buttons(purpose, tick), ct);
        }
    }

    private async Task SubmitAsync(ITurnContext turn, ConsentSession session, PurposeOptions purpose, CancellationToken ct)
    {
        // The person must have seen the text in force: a prompt from before a text change is shown anew.
        if (session.StateOf(purpose.Id) == ConsentState.Ticked && session.RecordOf(purpose.Id)?.TextVersion != purpose.Version)
        {
            session.Offer(purpose.Id);
            await session.SaveAsync(ct);
            await turn.AnswerButtonAsync(BotTexts.TextUpdated, ct);
            await turn.SendAsync(ConsentPrompt.Build(purpose, op.Value), ct);
            return;
        }

        if (!session.Submit(purpose.Id, turn.Activity.MessageId))
        {
            await NoteAsync(turn, session.StateOf(purpose.Id) switch
            {
                ConsentState.Offered => BotTexts.TickFirst,
                ConsentState.Given => BotTexts.AlreadyGiven,
                _ => BotTexts.FormOutdated,
            }, ct);
            return;
        }

        await session.SaveAsync(ct);
        await retention.SupersedeAsync(session.Person, purpose.Id, ct);
        LogConsent(purpose.Id, ConsentState.Given, session.Person.Id);
        await turn.AnswerButtonAsync(BotTexts.Received, ct);
        if (turn.Activity.ReplyToId is { } messageId)
        {
            await turn.UpdateButtonsAsync(messageId, [], ct);
        }

        // The purpose's work starts right after its consent: the form's first question, or the patient link bound.
        var confirmation = BotTexts.GivenConfirmation(purpose.Title, purpose.Id == catalog.Mailing.Id);
        if (purpose.Id == catalog.Consultation?.Id || purpose.Id == catalog.Review?.Id)
        {
            await turn.SendAsync(new BotMessage(confirmation), ct);
            await (purpose.Id == catalog.Consultation?.Id ? consultation.StartAsync(turn, session, ct) : reviews.StartAsync(turn, session, ct));
            return;
        }

        await turn.SendAsync(Menu(session, confirmation), ct);
        if (purpose.Id == catalog.Patient?.Id)
        {
            await patients.OnConsentGivenAsync(turn, session, ct);
        }
    }

    private async Task WithdrawAsync(ITurnContext turn, ConsentSession session, PurposeOptions purpose, CancellationToken ct)
    {
        if (!session.Withdraw(purpose.Id, turn.Activity.MessageId, "menu"))
        {
            await NoteAsync(turn, BotTexts.NothingToWithdraw, ct);
            return;
        }

        await session.SaveAsync(ct);
        LogConsent(purpose.Id, ConsentState.Withdrawn, session.Person.Id);
        await retention.ScheduleAsync(session.Person, purpose.Id, "menu", ct);
        if (purpose.Distribution)
        {
            await reviews.OnWithdrawnAsync(session, ct);
        }

        await turn.AnswerButtonAsync(null, ct);
        await turn.SendAsync(Menu(session, BotTexts.WithdrawnConfirmation(purpose.Title)), ct);
    }
}
