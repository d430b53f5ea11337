using PdBot.Core.Text;
using Microsoft.Extensions.Options;
using PdBot.Core.Consent;
using PdBot.Core.Operator;
using PdBot.Core.Requests;
using PdBot.Core.Retention;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>
/// "Мои данные": the person's rights as requests. Reachable without any marketing consent; asks what the
/// policy requires, one question at a time, and never repeats an identity document number in full.
/// </summary>
public sealed class RequestDialog(
    RequestService service, IRequestStore store, RetentionService retention, ConsentCatalog catalog, IOptions<OperatorOptions> op, TimeProvider time)
{
    /// <summary>A form nobody touched for this long is closed: the person is told on their next message.</summary>
    public static readonly TimeSpan FormLifetime = TimeSpan.FromHours(24);

    private const string Expired = "не заполнен за 24 часа";
    private static readonly string[] PrivacyWords = ["/privacy", "мои данные", "/mydata"];

    public static bool IsPrivacyCommand(string text) => PrivacyWords.Contains(ChatText.Normalize(text, keepSlash: true));

    public SubjectRequest? OpenIntake(ConsentSession session) =>
        store.OfPerson(session.Person.Id).FirstOrDefault(r => r.State == RequestState.AwaitingDetails);

    public async Task ShowMenuAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        await session.SaveAsync(ct);
        var summary = MainMenu.MyData(catalog, session, op.Value).Text;
        var buttons = Enum.GetValues<RequestType>()
            .Select(t => new Button(RequestTexts.Title(t), new Payload(Payload.Request, t.ToString()).ToString()))
            .Append(Violations.ViolationDialog.MenuButton)
            .Append(new Button(BotTexts.MenuButton, new Payload(Payload.Menu).ToString()));
        await turn.AnswerButtonAsync(null, ct);
        await turn.SendAsync(BotMessage.WithButtons($"{summary}\n\nВы можете направить запрос о своих данных:", [.. buttons]), ct);
    }

    public async Task StartAsync(ITurnContext turn, ConsentSession session, RequestType type, CancellationToken ct)
    {
        await session.SaveAsync(ct);
        if (OpenIntake(session) is { } unfinished)
        {
            await DropAsync(unfinished, "заменён новым запросом", ct);
        }

        var r = service.Start(session.Person, type, IntakeMachine.FirstStep(type).ToString());
        r.LastActivityAtUtc = Now;
        await service.SaveDraftAsync(r, ct);
        await turn.AnswerButtonAsync(null, ct);
        await ContinueAsync(turn, session, r, ct);
    }

    /// <summary>One typed message while the form is open: an answer stored and the next question asked, or a clear message and the same question again.</summary>
    public async Task AnswerAsync(ITurnContext turn, ConsentSession session, SubjectRequest r, string text, CancellationToken ct)
    {
        if (await ExpireAsync(turn, r, ct))
        {
            return;
        }

        if (RequestFormInput.IsCancel(text))
        {
            await CancelAsync(turn, r, ct);
            return;
        }

        // A command or a menu label is the person steering, not answering. /privacy and «Меню» do not open the
        // menu here: the menu's buttons would start or leave things while the half-filled form silently keeps
        // taking typed text. The person sees the form is open and chooses: answer, or «Отмена» (which offers the menu).
        var step = Intake(session, r).Step;
        if (RequestFormInput.IsNotAnAnswer(text, step))
        {
            var notice = $"Сейчас заполняется запрос «{RequestTexts.Title(r.Type)}», поэтому {Quote(text)} не принято как ответ. " +
                "Ответьте на вопрос ниже или отмените запрос — после отмены будут кнопки меню.";
            await turn.SendAsync(RequestPrompts.Question(r, step, catalog, session, notice), ct);
            return;
        }

        await ApplyAsync(turn, session, r, text, ct);
    }

    /// <summary>A press of a form button: «Отмена» or an answer chosen with a button.</summary>
    public async Task OnPressAsync(ITurnContext turn, ConsentSession session, Payload payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var r = OpenIntake(session);
        if (r is null)
        {
            await turn.AnswerButtonAsync(null, ct);
            await turn.SendAsync(RequestPrompts.Closed("Этот запрос уже закрыт — незаполненных запросов нет."), ct);
            return;
        }

        await turn.AnswerButtonAsync(null, ct);
        if (await ExpireAsync(turn, r, ct))
        {
            return;
        }

        if (payload.Action == RequestFormPayload.Cancel)
        {
            await CancelAsync(turn, r, ct);
            return;
        }

        var step = Intake(session, r).Step;
        if (payload.Argument is not { } value || IntakeChoices.For(step).All(c => c.Value != value))
        {
            // A button of an earlier question: ask the current one again rather than guess.
            await turn.SendAsync(RequestPrompts.Question(r, step, catalog, session, "Эта кнопка относится к другому вопросу."), ct);
            return;
        }

        await ApplyAsync(turn, session, r, value, ct);
    }

    /// <param name="purposeId">A consent in force; null is "every purpose", which only a stop-processing request may name.</param>
    public async Task ChoosePurposeAsync(ITurnContext turn, ConsentSession session, string? purposeId, CancellationToken ct)
    {
        var r = OpenIntake(session);
        var inForce = purposeId is not null && session.StateOf(purposeId) is ConsentState.Given or ConsentState.NeedsRenewal;
        if (r is null || Intake(session, r).Step != IntakeStep.Purpose
            || !(r.Type == RequestType.WithdrawConsent ? inForce : r.Type == RequestType.StopProcessing && (purposeId is null || inForce)))
        {
            await turn.AnswerButtonAsync(BotTexts.FormOutdated, ct);
            return;
        }

        await turn.AnswerButtonAsync(null, ct);
        if (await ExpireAsync(turn, r, ct))
        {
            return;
        }

        r.PurposeId = purposeId;
        r.LastActivityAtUtc = Now;
        Intake(session, r).Next();
        await ContinueAsync(turn, session, r, ct);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task ApplyAsync(ITurnContext turn, ConsentSession session, SubjectRequest r, string answer, CancellationToken ct)
    {
        var intake = Intake(session, r);
        var error = IntakeValidator.Apply(r, intake.Step, answer, service.Today);
        r.LastActivityAtUtc = Now;
        if (error is not null)
        {
            // Nothing is lost: earlier answers stay stored and the same question is asked again.
            await service.SaveDraftAsync(r, ct);
            await turn.SendAsync(RequestPrompts.Question(r, intake.Step, catalog, session, error), ct);
            return;
        }

        intake.Next();
        await service.SaveDraftAsync(r, ct);
        await ContinueAsync(turn, session, r, ct);
    }

    /// <summary>Closes a form untouched for <see cref="FormLifetime"/>; the message that found it is not an answer.</summary>
    private async Task<bool> ExpireAsync(ITurnContext turn, SubjectRequest r, CancellationToken ct)
    {
        if (Now - (r.LastActivityAtUtc ?? r.CreatedAtUtc) < FormLifetime)
        {
            return false;
        }

        ForgetAnswers(r);
        await DropAsync(r, Expired, ct);
        await turn.SendAsync(RequestPrompts.Closed(
            $"Запрос «{RequestTexts.Title(r.Type)}» не был заполнен за 24 часа и закрыт, ваше сообщение не принято как ответ. " +
            "Начать заново: кнопка «Начать заново» или «Мои данные».", r.Type), ct);
        return true;
    }

    private async Task CancelAsync(ITurnContext turn, SubjectRequest r, CancellationToken ct)
    {
        ForgetAnswers(r);
        await DropAsync(r, "отменён заявителем", ct);
        await turn.SendAsync(RequestPrompts.Closed($"Запрос «{RequestTexts.Title(r.Type)}» отменён, введённые данные удалены."), ct);
    }

    /// <summary>A request never made needs no identity document: the draft keeps only that it was started and closed.</summary>
    private static void ForgetAnswers(SubjectRequest r)
    {
        r.ForgetIdentity();
        r.Statement = null;
    }

    /// <summary>The typed text quoted back, short; with digits it may be a document number typed by mistake, so it is not repeated.</summary>
    private static string Quote(string text)
    {
        text = text.Trim();
        return text.Any(char.IsDigit) ? "это сообщение" : $"«{(text.Length > 30 ? text[..30] + "…" : text)}»";
    }

    private async Task ContinueAsync(ITurnContext turn, ConsentSession session, SubjectRequest r, CancellationToken ct)
    {
        var step = Intake(session, r).Step;
        if (step == IntakeStep.Purpose && r.Type == RequestType.WithdrawConsent && !catalog.Purposes.Any(p => session.StateOf(p.Id) is ConsentState.Given or ConsentState.NeedsRenewal))
        {
            await DropAsync(r, "нет действующих согласий", ct);
            await turn.SendAsync(RequestPrompts.Closed("Действующих согласий нет — отзывать нечего."), ct);
            return;
        }

        if (step != IntakeStep.Complete)
        {
            await turn.SendAsync(RequestPrompts.Question(r, step, catalog, session, null), ct);
            return;
        }

        if (r.Type is RequestType.WithdrawConsent or RequestType.WithdrawDistribution)
        {
            await WithdrawAsync(turn, session, r, ct);
            return;
        }

        await service.ReceiveAsync(session.Person, r, ct);
        var document = r.DocumentNumber is null ? "" : "\n" + RequestPrompts.Document(r);
        await turn.SendAsync(new BotMessage(RequestTexts.Received(r, op.Value.Email) + document + (r.ProposedRefusal is null ? "" :
            "\n\nПовторный запрос без обоснования: оператор рассмотрит его и может мотивированно отказать.")), ct);
    }

    private async Task WithdrawAsync(ITurnContext turn, ConsentSession session, SubjectRequest r, CancellationToken ct)
    {
        // Processing for the purpose stops now; destruction follows within the term.
        var purposes = r.Type == RequestType.WithdrawDistribution
            ? catalog.Purposes.Where(p => p.Distribution).Select(p => p.Id).ToList()
            : [r.PurposeId!];
        r.PurposeId ??= purposes.FirstOrDefault();
        foreach (var p in purposes.Where(p => session.StateOf(p) is ConsentState.Given or ConsentState.NeedsRenewal))
        {
            session.Withdraw(p, turn.Activity.MessageId, "request");
        }

        await session.SaveAsync(ct);
        var accepted = await retention.AcceptAsync(session.Person, r, ct);

        // A take-down from someone who never gave the review consent is answered at once (the answer follows from
        // the outbox): nothing was withdrawn and nothing will be destroyed, so the usual promise would be untrue.
        await turn.SendAsync(RequestPrompts.Closed(accepted.State == RequestState.Answered
            ? $"Запрос № {accepted.Id} «{RequestTexts.Title(accepted.Type)}» рассмотрен, ответ — в следующем сообщении."
            : $"Запрос № {accepted.Id} принят: согласие отозвано, обработка для этой цели прекращена. " +
              $"Данные будут уничтожены до {RequestTexts.Date(accepted.DueDate ?? service.Today)}, о результате сообщим здесь."), ct);
    }

    private IntakeMachine Intake(ConsentSession session, SubjectRequest r) =>
        new(r, r.Type == RequestType.Access && service.IsRepeatAccess(session.Person.Id, r.Id));

    /// <summary>The person's «Отмена» (or a form left for 24 hours): «отменён заявителем», never a refusal.</summary>
    private async Task DropAsync(SubjectRequest r, string why, CancellationToken ct) =>
        await service.CancelAsync(r, why, ct);
}
