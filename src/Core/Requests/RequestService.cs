using PdBot.Core.Calendar;
using PdBot.Core.Consent;
using PdBot.Core.Labels;
using PdBot.Core.Operator;
using PdBot.Core.People;
using PdBot.Core.Retention;

namespace PdBot.Core.Requests;

/// <summary>
/// Subject requests from receipt to answer: the clock, the extension rule, repeat access requests,
/// operator actions and what their approval does to the data. Every change goes through a
/// <see cref="RequestCase"/> and is stored with its audit entry before anyone is told.
/// </summary>
public sealed class RequestService(
    IRequestStore requests,
    IConsentStore people,
    ConsentCatalog catalog,
    DeadlineTable deadlines,
    ProductionCalendar calendar,
    RequestOptions options,
    OperatorOptions op,
    RetentionOptions retention,
    TimeProvider time,
    IEnumerable<IAccessReportSection>? accessSections = null)
{
    private readonly IReadOnlyList<IAccessReportSection> _sections = [.. accessSections ?? []];

    public const int RepeatAccessDays = 30;

    private readonly RequestCaseContext _context = new(requests, people, catalog, deadlines, options, time);

    public DeadlineTable Deadlines => deadlines;

    public SubjectRequest? Find(long id) => requests.Find(id);

    /// <summary>Every request, open and closed, in id order.</summary>
    public IReadOnlyList<SubjectRequest> All() => [.. requests.All().OrderBy(r => r.Id)];

    /// <summary>Open requests, soonest due first.</summary>
    public IReadOnlyList<SubjectRequest> Queue() => [.. requests.Open().OrderBy(r => r.DueDate ?? DateOnly.MaxValue).ThenBy(r => r.Id)];

    /// <summary>Working days from today (clinic time) to the due date; negative when overdue.</summary>
    public int WorkingDaysLeft(SubjectRequest r) =>
        r.DueDate is { } due ? calendar.WorkingDaysBetween(Today, due) : int.MaxValue;

    public DateOnly Today => ClinicTime.LocalDate(time.GetUtcNow());

    public RequestMachine MachineFor(SubjectRequest r) => new(r, deadlines[r.Type].Extendable);

    /// <summary>A unit of work on <paramref name="r"/>: the only way a request changes.</summary>
    public RequestCase CaseFor(SubjectRequest r) => new(_context, r);

    /// <summary>The person a request is about (null once the record is gone).</summary>
    public Person? PersonOf(SubjectRequest r) => r is null ? null : people.FindPersonById(r.PersonId);

    /// <summary>An access request within 30 days of the previous one needs a justification (Art. 14 parts 4–5).</summary>
    public bool IsRepeatAccess(string personId, long exceptId) =>
        requests.OfPerson(personId).Any(r => r.Id != exceptId && r.Type == RequestType.Access && r.ReceivedAtUtc is { } at
            && at > time.GetUtcNow().UtcDateTime.AddDays(-RepeatAccessDays));

    /// <summary>Starts the intake dialog for a new request (not yet received: the clock starts when it is complete).</summary>
    public SubjectRequest Start(Person person, RequestType type, string firstStep)
    {
        ArgumentNullException.ThrowIfNull(person);
        var r = new SubjectRequest { PersonId = person.Id, Type = type, CreatedAtUtc = Now, IntakeStep = firstStep };
        CaseFor(r).AskDetails(Actors.Person);
        return r;
    }

    public Task SaveDraftAsync(SubjectRequest r, CancellationToken ct = default) => requests.SaveAsync(r, [], [], ct);

    /// <summary>The person cancelled the form (or left it for 24 hours): «отменён заявителем», never a refusal.</summary>
    public async Task<bool> CancelAsync(SubjectRequest r, string reason, CancellationToken ct = default)
    {
        var c = CaseFor(r);
        if (!c.Cancel(reason, Actors.Person))
        {
            return false;
        }

        await c.SaveAsync(ct);
        return true;
    }

    /// <summary>
    /// The request is complete: the clock starts, operators are told, the person gets the due date. A blocking
    /// request blocks the person at once (Art. 21 part 1); a demand to stop processing stops marketing at once (Art. 15).
    /// </summary>
    public async Task<SubjectRequest> ReceiveAsync(Person person, SubjectRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(r);
        r.ReceivedAtUtc = Now;
        r.IntakeStep = null;
        var due = RequestDeadlines.Due(calendar, time.GetUtcNow(), deadlines[r.Type]);
        (r.DueDate, r.OriginalDueDate, r.DueIsProvisional) = (due.Due, due.Due, due.IsProvisional);
        if (r.Type == RequestType.Access && string.IsNullOrWhiteSpace(r.Statement) && IsRepeatAccess(person.Id, r.Id))
        {
            r.ProposedRefusal = "Повторный запрос тех же сведений ранее 30 дней после предыдущего без обоснования (ч. 4–6 ст. 14 152-ФЗ).";
        }

        var c = CaseFor(r);
        c.CompleteDetails(due.Warning);
        if (r.Type == RequestType.Blocking)
        {
            c.Block(Actors.System, RequestAction.BlockedOnReceipt);
        }

        // Marketing stops on receipt (Art. 15 part 2) when the demand covers it: every purpose, or the mailing named.
        if (r.Type == RequestType.StopProcessing)
        {
            var stopped = catalog.Purposes.Where(p => p.Marketing && (r.PurposeId is null || r.PurposeId == p.Id) && c.WithdrawConsent(p.Id, Actors.System, "получен запрос о прекращении обработки")).ToList();
            if (stopped.Count > 0)
            {
                c.Note(RequestAction.MarketingStopped, Actors.System, string.Join(", ", stopped.Select(p => p.Title)));
            }
        }

        c.ToOperators(RequestTexts.OperatorNew(r));
        await c.SaveAsync(ct);
        return r;
    }

    public Task<RequestResult> ConfirmIdentityAsync(long id, string actor, CancellationToken ct = default) =>
        ActAsync(id, RequestTrigger.ConfirmIdentity, c => c.ConfirmIdentity(actor) ? null : "", ct);

    /// <summary>Blocks the person's data while a claim (inaccuracy, unlawful processing) is checked.</summary>
    public Task<RequestResult> BlockAsync(long id, string actor, CancellationToken ct = default) =>
        ActAsync(id, RequestTrigger.Block, c => c.Block(actor) ? null : "", ct);

    /// <summary>Ends a blocking: of an open request, or the person's blocking an answered blocking request started.</summary>
    public Task<RequestResult> UnblockAsync(long id, string actor, CancellationToken ct = default) =>
        ActAsync(id, null, c => c.Unblock(actor) ? null : "", ct);

    /// <summary>Extends once, by at most 5 working days, with a reason sent to the person before the original due date.</summary>
    public Task<RequestResult> ExtendAsync(long id, string reason, string actor, int workingDays = DeadlineTable.MaxExtensionWorkingDays, CancellationToken ct = default)
    {
        var r = requests.Find(id);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Task.FromResult(RequestResult.Refused("Продление возможно только с мотивированной причиной."));
        }

        if (workingDays is < 1 or > DeadlineTable.MaxExtensionWorkingDays)
        {
            return Task.FromResult(RequestResult.Refused($"Продлить можно на 1–{DeadlineTable.MaxExtensionWorkingDays} рабочих дней."));
        }

        if (r?.DueDate is { } due && Today > due)
        {
            return Task.FromResult(RequestResult.Refused($"Срок уже истёк {RequestTexts.Date(due)}: уведомление о продлении должно быть направлено до его окончания."));
        }

        return ActAsync(id, RequestTrigger.Extend, c =>
        {
            var extended = RequestDeadlines.Extend(calendar, c.Request.OriginalDueDate ?? c.Request.DueDate!.Value, workingDays);
            return c.Extend(extended.Due, extended.IsProvisional, reason, actor) ? null : "";
        }, ct);
    }

    public Task<RequestResult> RefuseAsync(long id, string reason, string actor, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(RequestResult.Refused("Отказ должен быть мотивированным: укажите причину."))
            : ActAsync(id, RequestTrigger.Refuse, c => c.Refuse(reason, actor) ? null : "", ct);

    /// <summary>Approves: the request is carried out and the prepared answer is sent through the person's channel.</summary>
    public Task<RequestResult> ApproveAsync(long id, string actor, CancellationToken ct = default) =>
        ApproveAsync(id, actor, null, null, ct);

    public Task<RequestResult> ApproveAsync(long id, string actor, string? answerText, CancellationToken ct = default) =>
        ApproveAsync(id, actor, answerText, null, ct);

    /// <summary>
    /// Approves and carries the request out in one transaction with its history, audit and answer: destruction
    /// erases, blocking blocks, stop-processing withdraws, correction applies <paramref name="corrections"/>
    /// (field → new value, see <see cref="CorrectionFields"/>). <paramref name="answerText"/> replaces the prepared
    /// answer when an operator edited it (blank → the prepared one); the history notes the edit.
    /// </summary>
    public Task<RequestResult> ApproveAsync(long id, string actor, string? answerText, IReadOnlyDictionary<string, string>? corrections, CancellationToken ct = default)
    {
        var edited = string.IsNullOrWhiteSpace(answerText) ? null : answerText.Trim().ReplaceLineEndings("\n");
        return ActAsync(id, RequestTrigger.Answer, c =>
        {
            var outcome = new Approval(c, catalog, retention, op, Today, actor, _sections).Perform(corrections ?? new Dictionary<string, string>());
            if (outcome.Error is not null)
            {
                return outcome.Error;
            }

            // Withdrawals answer themselves (superseded ones close instead).
            if (!c.Request.IsOpen)
            {
                return null;
            }

            return c.Answer(edited ?? outcome.Answer!, actor, edited is null ? null : "ответ изменён оператором") ? null : "";
        }, ct);
    }

    /// <summary>The answer approval would send now (nothing is changed).</summary>
    public string PrepareAnswer(SubjectRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var copy = CaseFor(Clone(r));
        return new Approval(copy, catalog, retention, op, Today, Actors.System, _sections).Preview();
    }

    public IEnumerable<Outbox.OutboxMessage> ToOperators(string text, SubjectRequest? r = null)
    {
        if (!string.IsNullOrWhiteSpace(options.AdminChannel) && !string.IsNullOrWhiteSpace(options.AdminChatId))
        {
            yield return new Outbox.OutboxMessage { Channel = options.AdminChannel, ChatId = options.AdminChatId, Text = text, Kind = Outbox.OutboxKind.OperatorAlert, RequestId = r?.Id, CreatedAtUtc = Now };
        }
    }

    /// <param name="trigger">The trigger checked first for a clear refusal; null when the intent checks itself.</param>
    /// <param name="act">Null when done; an error to show, or "" for "not possible in this state".</param>
    private async Task<RequestResult> ActAsync(long id, RequestTrigger? trigger, Func<RequestCase, string?> act, CancellationToken ct)
    {
        var r = requests.Find(id);
        if (r is null)
        {
            return RequestResult.Refused($"Запроса № {id} нет.");
        }

        var c = CaseFor(r);
        var notNow = $"Запрос № {id} в состоянии «{RussianLabels.State(r.State)}»: действие «{RussianLabels.Trigger(trigger ?? RequestTrigger.Unblock)}» сейчас недоступно.";
        if (trigger is { } t && !c.CanFire(t))
        {
            return RequestResult.Refused(notNow);
        }

        var error = act(c);
        if (error is not null)
        {
            return RequestResult.Refused(error.Length == 0 ? notNow : error);
        }

        await c.SaveAsync(ct);
        var done = r.History.Count == 0 ? "" : RussianLabels.Action(r.History[^1].Action) + ", ";
        return RequestResult.Done($"Запрос № {id}: {done}состояние «{RussianLabels.State(r.State)}».");
    }

    private static SubjectRequest Clone(SubjectRequest r) =>
        System.Text.Json.JsonSerializer.Deserialize<SubjectRequest>(System.Text.Json.JsonSerializer.Serialize(r))!;

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
