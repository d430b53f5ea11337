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
public sealed class RequestDialog(RequestService service, IRequestStore store, RetentionService retention, ConsentCatalog catalog, IOptions<OperatorOptions> op)
{
    public const string Cancel = "отмена";
    private static readonly string[] PrivacyWords = ["/privacy", "мои данные", "/mydata"];

    public static bool IsPrivacyCommand(string text) => PrivacyWords.Contains(text.Trim().ToLowerInvariant());

    public SubjectRequest? OpenIntake(ConsentSession session) =>
        store.OfPerson(session.Person.Id).FirstOrDefault(r => r.State == RequestState.AwaitingDetails);

    public async Task ShowMenuAsync(ITurnContext turn, ConsentSession session, CancellationToken ct)
    {
        await session.SaveAsync(ct);
        var summary = MainMenu.MyData(catalog, session, op.Value).Text;
        var buttons = Enum.GetValues<RequestType>()
            .Select(t => new Button(RequestTexts.Title(t), new Payload(Payload.Request, t.ToString()).ToString()))
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
        await service.SaveDraftAsync(r, ct);
        await turn.AnswerButtonAsync(null, ct);
        await ContinueAsync(turn, session, r, ct);
    }

    /// <summary>One typed answer: stored and the next question asked, or a clear message and the same question again.</summary>
    public async Task AnswerAsync(ITurnContext turn, ConsentSession session, SubjectRequest r, string text, CancellationToken ct)
    {
        if (text.Trim().Equals(Cancel, StringComparison.OrdinalIgnoreCase))
        {
            await DropAsync(r, "отменён заявителем", ct);
            await turn.SendAsync(new BotMessage($"Запрос «{RequestTexts.Title(r.Type)}» отменён."), ct);
            return;
        }

        var intake = Intake(session, r);
        var error = IntakeValidator.Apply(r, intake.Step, text, service.Today);
        if (error is not null)
        {
            // Nothing is lost: earlier answers stay stored and the same question is asked again.
            await turn.SendAsync(RequestPrompts.Question(r, intake.Step, catalog, session, error), ct);
            return;
        }

        intake.Next();
        await service.SaveDraftAsync(r, ct);
        await ContinueAsync(turn, session, r, ct);
    }

    public async Task ChoosePurposeAsync(ITurnContext turn, ConsentSession session, string purposeId, CancellationToken ct)
    {
        var r = OpenIntake(session);
        if (r is null || r.Type != RequestType.WithdrawConsent || session.StateOf(purposeId) is not (ConsentState.Given or ConsentState.NeedsRenewal))
        {
            await turn.AnswerButtonAsync(BotTexts.FormOutdated, ct);
            return;
        }

        r.PurposeId = purposeId;
        Intake(session, r).Next();
        await turn.AnswerButtonAsync(null, ct);
        await ContinueAsync(turn, session, r, ct);
    }

    private async Task ContinueAsync(ITurnContext turn, ConsentSession session, SubjectRequest r, CancellationToken ct)
    {
        var step = Intake(session, r).Step;
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
        var document = r.DocumentNumber is null ? "" : $"\nДокумент: паспорт {r.MaskedDocument}.";
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

        await turn.SendAsync(new BotMessage(
            $"Запрос № {accepted.Id} принят: согласие отозвано, обработка для этой цели прекращена. " +
            $"Данные будут уничтожены до {RequestTexts.Date(accepted.DueDate ?? service.Today)}, о результате сообщим здесь."), ct);
    }

    private IntakeMachine Intake(ConsentSession session, SubjectRequest r) =>
        new(r, r.Type == RequestType.Access && service.IsRepeatAccess(session.Person.Id, r.Id));

    /// <summary>The person's «Отмена» (or a form left for 24 hours): «отменён заявителем», never a refusal.</summary>
    private async Task DropAsync(SubjectRequest r, string why, CancellationToken ct) =>
        await service.CancelAsync(r, why, ct);
}
