using PdBot.Core.Audit;
using PdBot.Core.Calendar;
using PdBot.Core.Consent;
using PdBot.Core.Operator;
using PdBot.Core.Outbox;
using PdBot.Core.People;

namespace PdBot.Core.Requests;

/// <summary>
/// Subject requests from receipt to answer: the clock, the extension rule, repeat access requests,
/// operator actions and the messages they send. Every change is stored with its audit entry before
/// anyone is told.
/// </summary>
public sealed class RequestService(
    IRequestStore requests,
    IConsentStore people,
    ConsentCatalog catalog,
    DeadlineTable deadlines,
    ProductionCalendar calendar,
    RequestOptions options,
    OperatorOptions op,
    TimeProvider time)
{
    public const int RepeatAccessDays = 30;

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

    /// <summary>An access request within 30 days of the previous one needs a justification (Art. 14 parts 4–5).</summary>
    public bool IsRepeatAccess(string personId, long exceptId) =>
        requests.OfPerson(personId).Any(r => r.Id != exceptId && r.Type == RequestType.Access && r.ReceivedAtUtc is { } at
            && at > time.GetUtcNow().UtcDateTime.AddDays(-RepeatAccessDays));

    /// <summary>Starts the intake dialog for a new request (not yet received: the clock starts when it is complete).</summary>
    public SubjectRequest Start(Person person, RequestType type, string firstStep)
    {
        ArgumentNullException.ThrowIfNull(person);
        var r = new SubjectRequest { PersonId = person.Id, Type = type, CreatedAtUtc = Now, IntakeStep = firstStep };
        MachineFor(r).Fire(RequestTrigger.AskDetails);
        r.History.Add(new(Now, "intake-started", "person"));
        return r;
    }

    public Task SaveDraftAsync(SubjectRequest r, CancellationToken ct = default) => requests.SaveAsync(r, [], [], ct);

    /// <summary>The request is complete: the clock starts, operators are told, the person gets the due date.</summary>
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

        MachineFor(r).Fire(RequestTrigger.DetailsComplete);
        r.History.Add(new(Now, "received", "person", due.Warning));

        // Art. 21 part 1: the data are blocked from the moment the request arrives, before any check.
        if (r.Type == RequestType.Blocking && MachineFor(r).Fire(RequestTrigger.Block))
        {
            r.History.Add(new(Now, "blocked-on-receipt", "system"));
        }

        await requests.SaveAsync(r, [Entry(person, r, "request-received", "person")], [.. ToOperators(RequestTexts.OperatorNew(r), r)], ct);
        return r;
    }

    public Task<RequestResult> ConfirmIdentityAsync(long id, string actor, CancellationToken ct = default) =>
        ActAsync(id, RequestTrigger.ConfirmIdentity, actor, "identity-confirmed", null, _ => [], ct);

    /// <summary>Blocks the person's data while a claim (inaccuracy, unlawful processing) is checked.</summary>
    public Task<RequestResult> BlockAsync(long id, string actor, CancellationToken ct = default) =>
        ActAsync(id, RequestTrigger.Block, actor, "blocked", null, _ => [], ct);

    public Task<RequestResult> UnblockAsync(long id, string actor, CancellationToken ct = default) =>
        ActAsync(id, RequestTrigger.Unblock, actor, "unblocked", null, _ => [], ct);

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

        return ActAsync(id, RequestTrigger.Extend, actor, "extended", reason, req =>
        {
            var extended = RequestDeadlines.Extend(calendar, req.OriginalDueDate ?? req.DueDate!.Value, workingDays);
            (req.DueDate, req.ExtensionReason) = (extended.Due, reason.Trim());
            req.DueIsProvisional |= extended.IsProvisional;
            return ToPerson(req, RequestTexts.Extended(req), "request-extension");
        }, ct);
    }

    public Task<RequestResult> RefuseAsync(long id, string reason, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Task.FromResult(RequestResult.Refused("Отказ должен быть мотивированным: укажите причину."));
        }

        return ActAsync(id, RequestTrigger.Refuse, actor, "refused", reason, req =>
        {
            req.RefusalReason = reason.Trim();
            return ToPerson(req, RequestTexts.RefusedToPerson(req), "request-refusal");
        }, ct);
    }

    /// <summary>Approves the prepared answer; it is sent through the person's channel.</summary>
    public Task<RequestResult> ApproveAsync(long id, string actor, CancellationToken ct = default) =>
        ApproveAsync(id, actor, null, ct);

    /// <summary>
    /// Approves and sends <paramref name="answerText"/> when an operator edited the prepared answer (blank → the
    /// prepared one); the history notes that the text was edited, the text itself is kept on the request.
    /// </summary>
    public Task<RequestResult> ApproveAsync(long id, string actor, string? answerText, CancellationToken ct = default)
    {
        var edited = string.IsNullOrWhiteSpace(answerText) ? null : answerText.Trim().ReplaceLineEndings("\n");
        return ActAsync(id, RequestTrigger.Answer, actor, "answered", edited is null ? null : "answer edited by the operator", req =>
        {
            req.AnswerText = edited ?? req.AnswerText ?? PrepareAnswer(req);
            return ToPerson(req, req.AnswerText, "request-answer");
        }, ct);
    }

    public string PrepareAnswer(SubjectRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var person = people.FindPersonById(r.PersonId);
        return r.Type == RequestType.Access && person is not null
            ? AccessReport.Build(r, person, people.RecordsOf(person.Id), requests.OfPerson(person.Id), catalog, op)
            : $"Запрос № {r.Id} «{RequestTexts.Title(r.Type)}» выполнен.";
    }

    private async Task<RequestResult> ActAsync(long id, RequestTrigger trigger, string actor, string action, string? note,
        Func<SubjectRequest, IEnumerable<OutboxMessage>> effects, CancellationToken ct)
    {
        var r = requests.Find(id);
        if (r is null)
        {
            return RequestResult.Refused($"Запроса № {id} нет.");
        }

        var machine = MachineFor(r);
        if (!machine.CanFire(trigger))
        {
            return RequestResult.Refused($"Запрос № {id} в состоянии {r.State}: действие «{action}» сейчас недоступно.");
        }

        machine.Fire(trigger);
        var outgoing = effects(r).ToList();
        r.History.Add(new(Now, action, actor, note));
        var person = people.FindPersonById(r.PersonId);
        await requests.SaveAsync(r, person is null ? [] : [Entry(person, r, "request-" + action, actor, note)], outgoing, ct);
        return RequestResult.Done($"Запрос № {id}: {action}.");
    }

    private IEnumerable<OutboxMessage> ToPerson(SubjectRequest r, string text, string kind)
    {
        var person = people.FindPersonById(r.PersonId);
        if (person is not null && !string.IsNullOrEmpty(person.ChatId))
        {
            yield return new OutboxMessage { Channel = person.Channel, ChatId = person.ChatId, Text = text, Kind = kind, RequestId = r.Id == 0 ? null : r.Id, CreatedAtUtc = Now };
        }
    }

    public IEnumerable<OutboxMessage> ToOperators(string text, SubjectRequest? r = null)
    {
        if (!string.IsNullOrWhiteSpace(options.AdminChannel) && !string.IsNullOrWhiteSpace(options.AdminChatId))
        {
            yield return new OutboxMessage { Channel = options.AdminChannel, ChatId = options.AdminChatId, Text = text, Kind = "operator-alert", RequestId = r?.Id, CreatedAtUtc = Now };
        }
    }

    private AuditEntry Entry(Person person, SubjectRequest r, string evt, string actor, string? note = null) => new()
    {
        TimeUtc = Now,
        Kind = "request",
        Event = evt,
        Channel = person.Channel,
        UserId = string.IsNullOrEmpty(person.PlatformUserId) ? null : person.PlatformUserId,
        PersonId = person.Id,
        PurposeId = r.PurposeId,
        Actor = actor,
        Detail = $"request {r.Id} {r.Type}" + (note is null ? "" : $": {note}"),
    };

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
