using System.Globalization;
using PdBot.Core.Audit;
using PdBot.Core.Operator;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Core.Leads;

/// <summary>
/// Consultation requests: the person's form (drafts, submit, cancel) and the operators' actions. Every change is
/// stored with its audit entry (no names or phones in it) before anyone is told; operators are alerted of a new
/// request without its personal data.
/// </summary>
public sealed class LeadService(ILeadStore store, RequestOptions alerts, ConsultationOptions options, TimeProvider time)
{
    public ILeadStore Store => store;

    public ConsultationOptions Options => options;

    /// <summary>The person's form being filled, if any.</summary>
    public Lead? Draft(string personId) => store.OfPerson(personId).FirstOrDefault(l => l.State == LeadState.Filling);

    /// <summary>The person's latest open (new or contacted) request, if any.</summary>
    public Lead? OpenOf(string personId) => store.OfPerson(personId).FirstOrDefault(l => l.IsOpen);

    public LeadFormMachine Form(Lead lead) => new(lead, options.Directions.Count > 0);

    public Lead StartDraft(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var now = Now;
        return new Lead { Id = store.NextId(), PersonId = person.Id, Channel = person.Channel, CreatedAtUtc = now, UpdatedAtUtc = now };
    }

    public Task SaveDraftAsync(Lead lead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lead);
        lead.UpdatedAtUtc = Now;
        return store.SaveAsync(lead, [], [], cancellationToken);
    }

    /// <summary>A form never sent goes entirely: nothing of it is kept.</summary>
    public Task DropDraftAsync(Lead lead, CancellationToken cancellationToken = default) => store.DeleteAsync(lead, [], cancellationToken);

    /// <summary>«Отправить заявку»: the request becomes new, the term starts, operators are alerted.</summary>
    public async Task<bool> SubmitAsync(Lead lead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (!new LeadMachine(lead).TryFire(LeadTrigger.Submit))
        {
            return false;
        }

        var now = Now;
        (lead.CreatedAtUtc, lead.UpdatedAtUtc) = (now, now);
        var entry = Note(lead, LeadTrigger.Submit, Actors.Person, null, now);
        var alert = OperatorAlert.Build(alerts, $"Новая заявка на консультацию {LeadTexts.Number(lead.Id)}: откройте раздел «Заявки» в консоли.", now);
        await store.SaveAsync(lead, alert is null ? [] : [alert], [entry], cancellationToken);
        return true;
    }

    /// <summary>«Отменить заявку» in the chat: false when it is no longer open.</summary>
    public Task<bool> CancelByPersonAsync(Lead lead, CancellationToken cancellationToken = default) =>
        FireAsync(lead, LeadTrigger.CancelByPerson, Actors.Person, null, cancellationToken);

    /// <summary>An operator's action from the console; false when the state does not allow it (nothing changes).</summary>
    public async Task<bool> ActAsync(long id, LeadTrigger trigger, string login, CancellationToken cancellationToken = default)
    {
        if (trigger is LeadTrigger.Submit or LeadTrigger.CancelByPerson || store.Find(id) is not { } lead)
        {
            return false;
        }

        return await FireAsync(lead, trigger, login, null, cancellationToken);
    }

    /// <summary>The detail of a request's audit entries: «заявка на консультацию № 5».</summary>
    public static string Detail(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return string.Create(CultureInfo.InvariantCulture, $"заявка на консультацию № {lead.Id}");
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<bool> FireAsync(Lead lead, LeadTrigger trigger, string actor, string? note, CancellationToken ct)
    {
        var from = lead.State;
        if (!new LeadMachine(lead).TryFire(trigger))
        {
            return false;
        }

        var now = Now;
        lead.UpdatedAtUtc = now;
        if (LeadMachine.IsFinal(lead.State))
        {
            lead.ClosedAtUtc = now;
        }

        // The history shows the step; the audit entry also says from where.
        var entry = Note(lead, trigger, actor, note, now);
        entry.Detail = $"{Detail(lead)}: {LeadTexts.State(from)} → {LeadTexts.State(lead.State)}";
        await store.SaveAsync(lead, [], [entry], ct);
        return true;
    }

    private static AuditEntry Note(Lead lead, LeadTrigger trigger, string actor, string? note, DateTime now)
    {
        var evt = LeadEvents.Of(trigger);
        lead.History.Add(new LeadHistoryItem { AtUtc = now, Actor = actor, Event = evt, Note = note });
        return new AuditEntry
        {
            TimeUtc = now,
            Kind = LeadEvents.Kind,
            Event = evt,
            Channel = lead.Channel,
            PersonId = lead.PersonId,
            Actor = actor,
            Detail = note is null ? Detail(lead) : $"{Detail(lead)}: {note}",
        };
    }
}
