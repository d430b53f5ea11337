using PdBot.Core.Consent;
using PdBot.Core.Reviews;
using PdBot.Core.Text;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation.Reviews;

/// <summary>
/// The review form (policy 2.3.1, 5.3, purpose <c>review</c>): asked only after its separate consent, dropped when the
/// consent is gone or the form is left for 24 hours. Health words in the text are pointed out before sending.
/// </summary>
public sealed class ReviewDialog(ReviewService service, ConsentCatalog catalog, TimeProvider time)
{
    /// <summary>The payload action of this form's buttons.</summary>
    public const string Action = "rv";

    /// <summary>A form nobody touched for this long is dropped.</summary>
    public static readonly TimeSpan FormLifetime = TimeSpan.FromHours(24);

    private const string Cancel = "cancel";
    private const string Fix = "fix";
    private const string Keep = "keep";
    private const string Sign = "name";
    private const string Anonymous = "anon";
    private const string Send = "send";

    private static readonly (string Label, string Argument)[] Labels =
    [
        (ReviewTexts.CancelButton, Cancel), (ReviewTexts.FixButton, Fix), (ReviewTexts.KeepButton, Keep),
        (ReviewTexts.SignButton, Sign), (ReviewTexts.AnonymousButton, Anonymous), (ReviewTexts.SendButton, Send),
    ];

    /// <summary>A typed answer while the person's form is open; false when no form is open (nothing done).</summary>
    public async Task<bool> AnswerAsync(ITurnContext turn, ConsentSession session, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        if (service.Store.DraftOf(session.Person.Id) is not { } draft)
        {
            return false;
        }

        if (await ClosedAsync(turn, session, draft, ct))
        {
            return true;
        }

        // A button's label typed is the press; «отмена» in any usual wording cancels.
        var typed = ChatText.Normalize(text);
        var label = Labels.FirstOrDefault(l => ChatText.Normalize(l.Label) == typed).Argument;
        if (label is not null || RequestFormInput.IsCancel(text))
        {
            await ChooseAsync(turn, session, draft, label ?? Cancel, ct);
            return true;
        }

        switch (draft.FormStep)
        {
            case ReviewFormStep.Text or ReviewFormStep.ConfirmHealth:
                await TakeTextAsync(turn, draft, text, ct);
                break;
            case ReviewFormStep.Name:
                await TakeNameAsync(turn, draft, text, ct);
                break;
            case ReviewFormStep.Signature:
                await turn.SendAsync(Question(draft, ReviewTexts.ChooseSignature), ct);
                break;
            default:
                await turn.SendAsync(Question(draft, null), ct);
                break;
        }

        return true;
    }

    /// <summary>The form's own buttons (signature, edit or confirm, «Отмена»); false for any other payload.</summary>
    public async Task<bool> OnPressAsync(ITurnContext turn, ConsentSession session, Payload payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Action != Action)
        {
            return false;
        }

        await turn.AnswerButtonAsync(null, ct);
        if (service.Store.DraftOf(session.Person.Id) is not { } draft)
        {
            await turn.SendAsync(MainMenu.Build(catalog, session, ReviewTexts.Closed), ct);
            return true;
        }

        if (!await ClosedAsync(turn, session, draft, ct))
        {
            await ChooseAsync(turn, session, draft, payload.Argument ?? "", ct);
        }

        return true;
    }

    /// <summary>The consent is given: asks for the review text.</summary>
    public async Task StartAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(session);
        await session.SaveAsync(ct);
        var draft = await service.StartDraftAsync(session.Person, ct);
        await turn.AnswerButtonAsync(null, ct);
        await turn.SendAsync(Question(draft, null), ct);
    }

    /// <summary>The review consent was withdrawn in this turn: every published review of the person is to be taken down at once.</summary>
    public Task OnWithdrawnAsync(ConsentSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return service.OnWithdrawnAsync(session.Person.Id, ct);
    }

    /// <summary>The form is dropped when left for 24 hours or when the consent is no longer in force; the person is told.</summary>
    private async Task<bool> ClosedAsync(ITurnContext turn, ConsentSession session, Review draft, CancellationToken ct)
    {
        var consent = catalog.Review is { } purpose && session.StateOf(purpose.Id) is ConsentState.Given or ConsentState.NeedsRenewal;
        var expired = time.GetUtcNow().UtcDateTime - draft.LastActivityAtUtc >= FormLifetime;
        if (consent && !expired)
        {
            return false;
        }

        await service.DropDraftAsync(draft, ct);
        await turn.SendAsync(MainMenu.Build(catalog, session, consent ? ReviewTexts.Expired : ReviewTexts.NoConsent), ct);
        return true;
    }

    private async Task ChooseAsync(ITurnContext turn, ConsentSession session, Review draft, string choice, CancellationToken ct)
    {
        var form = new ReviewFormMachine(draft);
        switch (choice)
        {
            case Cancel:
                await service.DropDraftAsync(draft, ct);
                await turn.SendAsync(MainMenu.Build(catalog, session, ReviewTexts.Cancelled), ct);
                return;
            case Send when draft.FormStep == ReviewFormStep.Confirm:
                await service.SubmitAsync(draft, ct);
                await turn.SendAsync(MainMenu.Build(catalog, session, ReviewTexts.Thanks(draft.Id)), ct);
                return;
            case Fix when form.TryFire(ReviewFormTrigger.Fix):
                draft.HealthWordsFixed = true;
                await SaveAndAskAsync(turn, draft, ReviewTexts.AskTextAgain, ct);
                return;
            case Keep when form.TryFire(ReviewFormTrigger.Keep):
                draft.HealthWordsKept = true;
                await SaveAndAskAsync(turn, draft, null, ct);
                return;
            case Sign when form.TryFire(ReviewFormTrigger.SignWithName):
                await SaveAndAskAsync(turn, draft, null, ct);
                return;
            case Anonymous when form.TryFire(ReviewFormTrigger.Anonymous):
                draft.Signature = Review.Anonymous;
                await SaveAndAskAsync(turn, draft, null, ct);
                return;
            default:
                // A button of an earlier question: the current one is asked again rather than guessed.
                await turn.SendAsync(Question(draft, ReviewTexts.OtherQuestion), ct);
                return;
        }
    }

    private async Task TakeTextAsync(ITurnContext turn, Review draft, string text, CancellationToken ct)
    {
        text = text.Trim();
        var error = text.Length == 0 ? ReviewTexts.Empty : text.Length > ReviewTexts.MaxLength ? ReviewTexts.TooLong : null;
        if (error is not null)
        {
            await turn.SendAsync(Question(draft, error), ct);
            return;
        }

        var health = service.Options.MentionsHealth(text);
        new ReviewFormMachine(draft).TryFire(health ? ReviewFormTrigger.HealthText : ReviewFormTrigger.CleanText);
        draft.Text = text;

        // The decision stored is the last one: a clean text clears «оставить как есть».
        draft.HealthWordsKept &= health;
        await SaveAndAskAsync(turn, draft, null, ct);
    }

    private async Task TakeNameAsync(ITurnContext turn, Review draft, string text, CancellationToken ct)
    {
        var name = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (name.Length == 0 || name.Length > ReviewTexts.MaxNameLength || !name.All(c => char.IsLetter(c) || c is '-' or ' '))
        {
            await turn.SendAsync(Question(draft, ReviewTexts.BadName), ct);
            return;
        }

        new ReviewFormMachine(draft).TryFire(ReviewFormTrigger.NameGiven);
        draft.Signature = name;
        await SaveAndAskAsync(turn, draft, null, ct);
    }

    private async Task SaveAndAskAsync(ITurnContext turn, Review draft, string? lead, CancellationToken ct)
    {
        await service.SaveDraftAsync(draft, ct);
        await turn.SendAsync(Question(draft, lead), ct);
    }

    /// <summary>The current question with its buttons; <paramref name="lead"/> (an error or a notice) goes first.</summary>
    private static BotMessage Question(Review draft, string? lead)
    {
        var (text, buttons) = draft.FormStep switch
        {
            ReviewFormStep.ConfirmHealth => (ReviewTexts.HealthWarning, new[] { Button(ReviewTexts.FixButton, Fix), Button(ReviewTexts.KeepButton, Keep) }),
            ReviewFormStep.Signature => (ReviewTexts.AskSignature, [Button(ReviewTexts.SignButton, Sign), Button(ReviewTexts.AnonymousButton, Anonymous)]),
            ReviewFormStep.Name => (ReviewTexts.AskName, [Button(ReviewTexts.AnonymousButton, Anonymous)]),
            ReviewFormStep.Confirm => (ReviewTexts.Confirm(draft.Text ?? "", draft.Signature ?? Review.Anonymous), [Button(ReviewTexts.SendButton, Send)]),
            _ => (draft.HealthWordsFixed ? ReviewTexts.AskTextAgain : ReviewTexts.AskText, Array.Empty<Button>()),
        };
        if (lead is not null && lead != text)
        {
            text = lead + "\n\n" + text;
        }

        return BotMessage.WithButtons(text, [.. buttons, Button(ReviewTexts.CancelButton, Cancel)]);
    }

    private static Button Button(string label, string argument) => new(label, new Payload(Action, argument).ToString());
}
