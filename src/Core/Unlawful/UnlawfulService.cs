using System.Globalization;
using PdBot.Core.Audit;
using PdBot.Core.Authority;
using PdBot.Core.Calendar;
using PdBot.Core.Consent;
using PdBot.Core.Operator;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Core.Unlawful;

/// <summary>
/// Operator-found unlawful processing (policy 6.2.8, 6.2.11): registration with its terms on the production calendar,
/// the actions the <see cref="UnlawfulMachine"/> allows, the person's notice, the six-month block. Every change is
/// stored with its audit entry before anyone is told.
/// </summary>
public sealed class UnlawfulService(
    IUnlawfulStore store,
    IConsentStore people,
    IAuthorityStore authority,
    UnlawfulDestruction destruction,
    ProductionCalendar calendar,
    RequestOptions alerts,
    TimeProvider time)
{
    public IUnlawfulStore Store => store;

    public DateOnly Today => ClinicTime.Today(time);

    /// <summary>Open first (soonest due first), then closed, newest first.</summary>
    public IReadOnlyList<UnlawfulCase> List() =>
        [.. store.All().OrderBy(c => c.IsOpen ? 0 : 1).ThenBy(c => c.IsOpen ? (NextDue(c)?.Due.DayNumber ?? int.MaxValue) : -c.Id)];

    /// <summary>What is due next and by when; null once the case is closed.</summary>
    public static (string What, DateOnly Due)? NextDue(UnlawfulCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.State switch
        {
            UnlawfulState.Detected => ("прекратить обработку", c.StopDue),
            UnlawfulState.Stopped => ("обеспечить правомерность или уничтожить данные", c.DestroyDue),
            UnlawfulState.Blocked => ("уничтожить заблокированные данные", c.DestroyBlockedBy!.Value),
            _ => null,
        };
    }

    /// <summary>Working days from today to <paramref name="due"/>; negative when overdue. A year without calendar data counts calendar days.</summary>
    public int WorkingDaysLeft(DateOnly due)
    {
        try
        {
            return calendar.WorkingDaysBetween(Today, due);
        }
        catch (CalendarYearMissingException)
        {
            return due.DayNumber - Today.DayNumber;
        }
    }

    public async Task<(UnlawfulCase? Case, string? Error)> RegisterAsync(UnlawfulRegistration input, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var personId = input.PersonId?.Trim() ?? "";
        var error = input switch
        {
            _ when personId.Length == 0 => "Укажите идентификатор субъекта.",
            _ when people.FindPersonById(personId) is null => "Субъекта с таким идентификатором нет.",
            _ when string.IsNullOrWhiteSpace(input.What) => "Опишите, в чём неправомерность обработки.",
            { DetectedOn: { } d } when d > Today => "Дата выявления не может быть позже сегодняшней.",
            { AuthorityRequestId: { } a } when authority.Find(a) is null => $"Запроса Роскомнадзора № {a} нет.",
            _ => null,
        };
        if (error is not null)
        {
            return (null, error);
        }

        var detected = input.DetectedOn ?? Today;
        Deadline stop, destroy;
        try
        {
            (stop, destroy) = (calendar.DueAfter(detected, UnlawfulTerms.StopWorkingDays), calendar.DueAfter(detected, UnlawfulTerms.DestroyWorkingDays));
        }
        catch (CalendarYearMissingException)
        {
            return (null, "Производственного календаря на нужный год нет (Calendar:File): сроки посчитать нельзя.");
        }

        var c = new UnlawfulCase
        {
            Id = store.NextId(),
            PersonId = personId,
            What = input.What!.Trim(),
            DetectedOn = detected,
            AuthorityRequestId = input.AuthorityRequestId,
            StopDue = stop.Due,
            DestroyDue = destroy.Due,
            DueIsProvisional = destroy.IsProvisional,
            RegisteredAtUtc = Now,
        };
        await SaveAsync(c, UnlawfulEvents.Registered, actor, $"прекратить до {RequestTexts.Date(c.StopDue)}, уничтожить до {RequestTexts.Date(c.DestroyDue)}", [], ct);
        return (c, null);
    }

    /// <summary>«Обработка прекращена».</summary>
    public Task<RequestResult> StopAsync(long id, string? note, string actor, CancellationToken ct = default) =>
        ActAsync(id, UnlawfulTrigger.Stop, async c =>
        {
            await SaveAsync(c, UnlawfulEvents.Stopped, actor, Blank(note) ?? "неправомерная обработка прекращена", [], ct);
            return null;
        }, ct);

    /// <summary>«Правомерность обеспечена»: what was done is required, and the person is told.</summary>
    public Task<RequestResult> RemedyAsync(long id, string? done, string actor, CancellationToken ct = default) =>
        ActAsync(id, UnlawfulTrigger.Remedy, async c =>
        {
            if (Blank(done) is not { } what)
            {
                return "Укажите, как обеспечена правомерность обработки: это сообщается субъекту.";
            }

            c.PersonNotice = UnlawfulTexts.Remedied(c, what, Today);
            await SaveAsync(c, UnlawfulEvents.Remedied, actor, what, [.. ToPerson(c), .. ToAuthorityReminder(c)], ct);
            return null;
        }, ct);

    /// <summary>
    /// «Заблокировать (уничтожить нельзя в срок)» (policy 6.2.11): the person's data are blocked (nothing is processed
    /// or sent for any purpose) and must be destroyed within six calendar months.
    /// </summary>
    public Task<RequestResult> BlockAsync(long id, string? reason, string actor, CancellationToken ct = default) =>
        ActAsync(id, UnlawfulTrigger.Block, async c =>
        {
            if (Blank(reason) is not { } why)
            {
                return "Укажите, почему данные нельзя уничтожить в срок.";
            }

            var today = Today;
            (c.BlockReason, c.BlockedOn, c.DestroyBlockedBy) = (why, today, today.AddMonths(UnlawfulTerms.BlockedMonths));
            if (people.FindPersonById(c.PersonId) is { Blocked: false } person)
            {
                person.Blocked = true;
                await people.SaveAsync(person, true, [], [Entry(c, UnlawfulEvents.Blocked, actor, "данные субъекта заблокированы (п. 6.2.11 политики)")], ct);
            }

            await SaveAsync(c, UnlawfulEvents.Blocked, actor, $"{why}; уничтожить до {RequestTexts.Date(c.DestroyBlockedBy.Value)}", [], ct);
            return null;
        }, ct);

    /// <summary>«Данные уничтожены»: the person's data are erased now and the person is told.</summary>
    public Task<RequestResult> DestroyAsync(long id, string actor, CancellationToken ct = default) =>
        ActAsync(id, UnlawfulTrigger.Destroy, async c =>
        {
            if (people.FindPersonById(c.PersonId) is not { } person)
            {
                return "Записи субъекта нет: уничтожать нечего.";
            }

            var (requestId, plan) = await destruction.DestroyAsync(c, person, p => UnlawfulTexts.Destroyed(c, p, Today), actor, ct);
            c.DestructionRequestId = requestId;
            c.PersonNotice = UnlawfulTexts.Destroyed(c, plan, Today);
            await SaveAsync(c, UnlawfulEvents.Destroyed, actor, $"акт об уничтожении — запрос № {requestId}", [.. ToAuthorityReminder(c)], ct);
            return null;
        }, ct);

    public static string Detail(UnlawfulCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return string.Create(CultureInfo.InvariantCulture, $"случай неправомерной обработки № {c.Id}");
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <param name="act">Returns an error for the operator (the case is not changed) or null when done.</param>
    private async Task<RequestResult> ActAsync(long id, UnlawfulTrigger trigger, Func<UnlawfulCase, Task<string?>> act, CancellationToken ct)
    {
        if (store.Find(id) is not { } c)
        {
            return RequestResult.Refused($"Случая № {id} нет.");
        }

        var from = c.State;
        var machine = new UnlawfulMachine(c);
        if (!machine.CanFire(trigger))
        {
            return RequestResult.Refused($"Случай № {id} в состоянии «{UnlawfulTexts.State(from)}»: действие «{UnlawfulTexts.Action(trigger)}» недоступно.");
        }

        machine.TryFire(trigger);
        var error = await act(c);
        if (error is not null)
        {
            c.State = from;
            return RequestResult.Refused(error);
        }

        return RequestResult.Done($"Случай № {id}: {UnlawfulTexts.State(c.State)}.");
    }

    private IEnumerable<OutboxMessage> ToPerson(UnlawfulCase c)
    {
        if (people.FindPersonById(c.PersonId) is { ChatId.Length: > 0 } p && c.PersonNotice is { } text)
        {
            yield return new OutboxMessage { Channel = p.Channel, ChatId = p.ChatId, Text = text, Kind = UnlawfulEvents.NoticeKind, CreatedAtUtc = Now };
        }
    }

    /// <summary>When an authority request led here, the authority is told too (policy 6.2.8): operators are reminded to send the prepared notice.</summary>
    private IEnumerable<OutboxMessage> ToAuthorityReminder(UnlawfulCase c)
    {
        if (c.AuthorityRequestId is { } a && OperatorAlert.Build(alerts, $"Случай неправомерной обработки № {c.Id}: уведомите Роскомнадзор по запросу № {a} — текст на странице случая в консоли.", Now) is { } m)
        {
            yield return m;
        }
    }

    private Task SaveAsync(UnlawfulCase c, string evt, string actor, string note, IReadOnlyList<OutboxMessage> outgoing, CancellationToken ct)
    {
        c.History.Add(new UnlawfulHistoryItem { AtUtc = Now, Actor = actor, Event = evt, Note = note });
        return store.SaveAsync(c, outgoing, [Entry(c, evt, actor, note)], ct);
    }

    private AuditEntry Entry(UnlawfulCase c, string evt, string actor, string note) =>
        new() { TimeUtc = Now, Kind = UnlawfulEvents.Kind, Event = evt, PersonId = c.PersonId, Actor = actor, Detail = $"{Detail(c)}: {note}" };
}
