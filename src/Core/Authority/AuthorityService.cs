using System.Globalization;
using PdBot.Core.Audit;
using PdBot.Core.Calendar;
using PdBot.Core.Consent;
using PdBot.Core.Requests;

namespace PdBot.Core.Authority;

/// <summary>
/// Roskomnadzor requests from registration to answer: the due date on the production calendar, the one extension,
/// the answer's record. Every change is stored with its audit entry.
/// </summary>
public sealed class AuthorityService(IAuthorityStore store, IConsentStore people, ProductionCalendar calendar, TimeProvider time)
{
    public IAuthorityStore Store => store;

    public DateOnly Today => ClinicTime.Today(time);

    /// <summary>Open first (soonest due first), then answered, newest first.</summary>
    public IReadOnlyList<AuthorityRequest> List() =>
        [.. store.All().OrderBy(r => r.IsOpen ? 0 : 1).ThenBy(r => r.IsOpen ? r.DueDate.DayNumber : -r.Id)];

    /// <summary>Working days from today to the due date; negative when overdue.</summary>
    public int WorkingDaysLeft(AuthorityRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return calendar.WorkingDaysBetween(Today, r.DueDate);
    }

    /// <summary>Registers a request: the term starts the day after receipt (10 working days, policy 1.3.2).</summary>
    public async Task<(AuthorityRequest? Request, string? Error)> RegisterAsync(AuthorityRegistration input, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var error = input switch
        {
            { ReceivedOn: null } => "Укажите дату получения запроса.",
            { ReceivedOn: { } d } when d > Today => "Дата получения не может быть позже сегодняшней.",
            _ when string.IsNullOrWhiteSpace(input.IncomingNumber) => "Укажите входящий номер запроса.",
            _ when string.IsNullOrWhiteSpace(input.Subject) => "Укажите, что запрашивает Роскомнадзор.",
            _ when !string.IsNullOrWhiteSpace(input.PersonId) && people.FindPersonById(input.PersonId.Trim()) is null => "Субъекта с таким идентификатором нет.",
            _ => null,
        };
        if (error is not null)
        {
            return (null, error);
        }

        var received = input.ReceivedOn!.Value;
        Deadline due;
        try
        {
            due = calendar.DueAfter(received, AuthorityTerms.AnswerWorkingDays);
        }
        catch (CalendarYearMissingException)
        {
            return (null, "Производственного календаря на нужный год нет (Calendar:File): срок посчитать нельзя.");
        }

        var r = new AuthorityRequest
        {
            ReceivedOn = received,
            IncomingNumber = input.IncomingNumber!.Trim(),
            Subject = input.Subject!.Trim(),
            PersonId = string.IsNullOrWhiteSpace(input.PersonId) ? null : input.PersonId.Trim(),
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            DueDate = due.Due,
            OriginalDueDate = due.Due,
            DueIsProvisional = due.IsProvisional,
            RegisteredAtUtc = Now,
        };
        await SaveAsync(r, AuthorityEvents.Registered, actor, $"срок ответа {AuthorityTexts.Date(due.Due)}", ct);
        return (r, null);
    }

    /// <summary>Extends once by 1–5 working days from the original due date, with the reason of the notice sent to the authority.</summary>
    public async Task<RequestResult> ExtendAsync(long id, int workingDays, string? reason, string actor, CancellationToken ct = default)
    {
        if (store.Find(id) is not { } r)
        {
            return RequestResult.Refused($"Запроса Роскомнадзора № {id} нет.");
        }

        var error = (r.State, reason, workingDays) switch
        {
            (AuthorityState.Extended, _, _) => $"Срок ответа на запрос № {id} уже продлён до {AuthorityTexts.Date(r.DueDate)}: продлить его можно только один раз (п. {AuthorityTerms.PolicyClause} политики).",
            (AuthorityState.Answered, _, _) => $"На запрос № {id} уже дан ответ: продлевать нечего.",
            (_, var why, _) when string.IsNullOrWhiteSpace(why) => "Продление возможно только с мотивированным уведомлением: укажите причину.",
            (_, _, < 1 or > AuthorityTerms.MaxExtensionWorkingDays) => $"Продлить можно на 1–{AuthorityTerms.MaxExtensionWorkingDays} рабочих дней.",
            _ when Today > r.DueDate => $"Срок уже истёк {AuthorityTexts.Date(r.DueDate)}: уведомление о продлении направляется до его окончания.",
            _ => null,
        };
        if (error is not null || !new AuthorityMachine(r).TryFire(AuthorityTrigger.Extend))
        {
            return RequestResult.Refused(error ?? $"Запрос № {id}: продление сейчас недоступно.");
        }

        var extended = calendar.DueAfter(r.OriginalDueDate, workingDays);
        (r.DueDate, r.DueIsProvisional, r.ExtendedByWorkingDays, r.ExtensionReason) = (extended.Due, extended.IsProvisional, workingDays, reason!.Trim());
        await SaveAsync(r, AuthorityEvents.Extended, actor, $"на {workingDays} раб. дн., до {AuthorityTexts.Date(r.DueDate)}: {r.ExtensionReason}", ct);
        return RequestResult.Done($"Запрос № {id}: срок продлён до {AuthorityTexts.Date(r.DueDate)}.");
    }

    /// <summary>Records the answer: when and how it went, and the clinic's outgoing number.</summary>
    public async Task<RequestResult> AnswerAsync(long id, AuthorityAnswer answer, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (store.Find(id) is not { } r)
        {
            return RequestResult.Refused($"Запроса Роскомнадзора № {id} нет.");
        }

        var error = answer switch
        {
            _ when !r.IsOpen => $"Ответ на запрос № {id} уже записан.",
            { AnsweredOn: null } => "Укажите дату ответа.",
            { AnsweredOn: { } d } when d > Today || d < r.ReceivedOn => "Дата ответа — не раньше получения запроса и не позже сегодняшней.",
            _ when string.IsNullOrWhiteSpace(answer.Method) => "Укажите, как направлен ответ.",
            _ when string.IsNullOrWhiteSpace(answer.OutgoingNumber) => "Укажите исходящий номер ответа.",
            _ => null,
        };
        if (error is not null || !new AuthorityMachine(r).TryFire(AuthorityTrigger.Answer))
        {
            return RequestResult.Refused(error ?? $"Запрос № {id}: ответ сейчас записать нельзя.");
        }

        (r.AnsweredOn, r.AnswerMethod, r.OutgoingNumber) = (answer.AnsweredOn, answer.Method!.Trim(), answer.OutgoingNumber!.Trim());
        var late = r.AnsweredOn > r.DueDate ? " (с нарушением срока)" : "";
        await SaveAsync(r, AuthorityEvents.Answered, actor, $"{AuthorityTexts.Date(r.AnsweredOn!.Value)}, {r.AnswerMethod}, исх. № {r.OutgoingNumber}{late}", ct);
        return RequestResult.Done($"Запрос № {id}: ответ записан{late}.");
    }

    /// <summary>The detail of a request's audit entries: «запрос Роскомнадзора № 3 (вх. № 12-34)».</summary>
    public static string Detail(AuthorityRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return string.Create(CultureInfo.InvariantCulture, $"запрос Роскомнадзора № {r.Id} (вх. № {r.IncomingNumber})");
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Task SaveAsync(AuthorityRequest r, string evt, string actor, string note, CancellationToken ct)
    {
        if (r.Id == 0)
        {
            r.Id = store.NextId();
        }

        var now = Now;
        r.History.Add(new AuthorityHistoryItem { AtUtc = now, Actor = actor, Event = evt, Note = note });
        var entry = new AuditEntry { TimeUtc = now, Kind = AuthorityEvents.Kind, Event = evt, PersonId = r.PersonId, Actor = actor, Detail = $"{Detail(r)}: {note}" };
        return store.SaveAsync(r, [entry], ct);
    }
}
