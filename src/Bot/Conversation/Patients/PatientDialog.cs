using System.Globalization;
using Microsoft.Extensions.Options;
using PdBot.Core.Consent;
using PdBot.Core.Conversations;
using PdBot.Core.Operator;
using PdBot.Core.Patients;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation.Patients;

/// <summary>
/// Patients of the clinic (policy 2.3.2, purpose <c>patient</c>): the one-time link binds a person to the clinic's
/// patient id after the patient consent; answers to notifications go to the clinic's system and the inbox.
/// </summary>
public sealed class PatientDialog(PatientService patients, IPatientStore store, ConversationService inbox, ConsentCatalog catalog, IOptions<OperatorOptions> op)
{
    /// <summary>The turn came through a patient link (<c>Activity.Source</c> is a link code): offers the patient consent or binds; false otherwise.</summary>
    public async Task<bool> OnArrivalAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        if (!PatientService.IsCode(turn.Activity.Source) || catalog.Patient is not { } purpose)
        {
            return false;
        }

        await session.SaveAsync(ct);
        if (patients.Usable(turn.Activity.Source!) is not { } link)
        {
            await turn.SendAsync(new BotMessage(PatientTexts.LinkUnusable), ct);
            return true;
        }

        if (session.StateOf(purpose.Id) == ConsentState.Given)
        {
            await patients.BindPersonAsync(session.Person, link, ct);
            await turn.SendAsync(new BotMessage(PatientTexts.Bound), ct);
            return true;
        }

        await patients.OpenAsync(link, session.Person, ct);
        session.Offer(purpose.Id);
        await session.SaveAsync(ct);
        await turn.SendAsync(new BotMessage(PatientTexts.ConsentFirst), ct);
        await turn.SendAsync(ConsentPrompt.Build(purpose, op.Value), ct);
        return true;
    }

    /// <summary>The patient consent was just given: binds the link the person came through, if any, and says so.</summary>
    public async Task OnConsentGivenAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        if (await patients.BindPendingAsync(session.Person, ct))
        {
            await turn.SendAsync(new BotMessage(PatientTexts.Bound), ct);
        }
    }

    /// <summary>A notification's buttons («Подтверждаю», «Перенести», «Отменить»); false for any other payload.</summary>
    public async Task<bool> OnPressAsync(ITurnContext turn, ConsentSession session, Payload payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Action != PatientService.PayloadAction)
        {
            return false;
        }

        var parts = (payload.Argument ?? "").Split(':');
        var notification = parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? store.FindNotification(id) : null;
        if (notification is null || notification.PersonId != session.Person.Id || !PatientAnswers.Labels.TryGetValue(parts[0], out var label) || !Bound(session))
        {
            await turn.AnswerButtonAsync(PatientTexts.NotificationGone, ct);
            return true;
        }

        if (notification.Answer is not null)
        {
            await turn.AnswerButtonAsync(PatientTexts.AlreadyAnswered(PatientAnswers.Labels[notification.Answer]), ct);
            return true;
        }

        await session.SaveAsync(ct);
        await patients.AnswerAsync(session.Person, notification, parts[0], label, ct);
        await inbox.FromPersonAsync(session.Person, string.Create(CultureInfo.InvariantCulture, $"«{label}» — ответ на уведомление № {notification.Id}"), ConversationTopics.Patient, ct);
        await turn.AnswerButtonAsync(label, ct);
        if (turn.Activity.ReplyToId is { } messageId)
        {
            await turn.UpdateButtonsAsync(messageId, [], ct);
        }

        await turn.SendAsync(new BotMessage(PatientTexts.Answered(label)), ct);
        return true;
    }

    /// <summary>A linked patient's typed message: sent on to the clinic's system (and the inbox); false when the person is not a linked patient.</summary>
    public async Task<bool> AnswerAsync(ITurnContext turn, ConsentSession session, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        if (!Bound(session))
        {
            return false;
        }

        // A button's label typed (VK clients that show text buttons only send the label) answers the latest notification offering it.
        if (PatientAnswers.FromLabel(text) is { } typed
            && store.NotificationsOf(session.Person.Id).LastOrDefault(n => n.Answer is null && n.Answers.Contains(typed)) is { } latest)
        {
            return await OnPressAsync(turn, session, new Payload(PatientService.PayloadAction, string.Create(CultureInfo.InvariantCulture, $"{typed}:{latest.Id}")), ct);
        }

        await session.SaveAsync(ct);
        var wasOpen = inbox.Store.LatestOf(session.Person.Id) is { State: ConversationState.Open };
        await patients.AnswerAsync(session.Person, null, null, text, ct);
        await inbox.FromPersonAsync(session.Person, text, ConversationTopics.Patient, ct);
        if (!wasOpen)
        {
            await turn.SendAsync(new BotMessage(PatientTexts.Forwarded), ct);
        }

        return true;
    }

    private bool Bound(ConsentSession session) =>
        catalog.Patient is { } p && session.StateOf(p.Id) == ConsentState.Given && store.BindingOf(session.Person.Id) is not null;
}
