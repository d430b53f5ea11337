using System.Globalization;
using PdBot.Core.Audit;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Core.Incidents;

/// <summary>
/// The incident register: candidates from chat reports, registration in the console, the notices' marks, closing.
/// Every change is stored with its audit entry (the incident's number and what changed, never its texts).
/// </summary>
public sealed class IncidentService(IIncidentStore store, TimeProvider time)
{
    public IIncidentStore Store => store;

    public TimeProvider Time => time;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A candidate to check (a chat report, …): the clocks already run from <paramref name="detectedAtUtc"/>; an
    /// operator registers or dismisses it. The summary is kept as the incident's «что произошло».
    /// </summary>
    public async Task<Incident> OpenCandidateAsync(IncidentSource source, string summary, DateTime detectedAtUtc, string? reporterPersonId, CancellationToken ct = default)
    {
        var now = Now;
        var incident = new Incident
        {
            Id = store.NextId(),
            Source = source,
            State = IncidentState.Candidate,
            DetectedAtUtc = detectedAtUtc,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            Summary = summary ?? "",
            ReporterPersonId = reporterPersonId,
        };
        var entry = Note(incident, IncidentEvents.Candidate, source == IncidentSource.ChatReport ? Actors.Person : Actors.System, null, now);
        entry.PersonId = reporterPersonId;
        await store.SaveAsync(incident, [], [entry], ct);
        return incident;
    }

    /// <summary>An operator registers an incident in the console: it starts open, the clocks run from detection.</summary>
    public async Task<Incident> RegisterAsync(IncidentFields fields, string login, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var now = Now;
        var incident = new Incident { Id = store.NextId(), Source = IncidentSource.Console, State = IncidentState.Open, CreatedAtUtc = now };
        fields.ApplyTo(incident);
        incident.UpdatedAtUtc = now;
        var entry = Note(incident, IncidentEvents.Registered, login, null, now);
        await store.SaveAsync(incident, [], [entry], ct);
        return incident;
    }

    /// <summary>The incident's fields change (any state but final); the history says which fields, not their text.</summary>
    public async Task<bool> EditAsync(long id, IncidentFields fields, string login, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (store.Find(id) is not { } incident || IncidentMachine.IsFinal(incident.State))
        {
            return false;
        }

        var changed = fields.Changes(incident);
        if (changed.Count == 0)
        {
            return true;
        }

        fields.ApplyTo(incident);
        var now = Now;
        incident.UpdatedAtUtc = now;
        var entry = Note(incident, IncidentEvents.Edited, login, string.Join(", ", changed), now);
        await store.SaveAsync(incident, [], [entry], ct);
        return true;
    }

    /// <summary>A candidate is confirmed: it becomes open (its detection time stays).</summary>
    public Task<bool> ConfirmAsync(long id, string login, CancellationToken ct = default) =>
        FireAsync(id, IncidentTrigger.Register, login, null, ct);

    /// <summary>A candidate is not an incident; the reason is required.</summary>
    public async Task<bool> DismissAsync(long id, string reason, string login, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || store.Find(id) is not { } incident || !new IncidentMachine(incident).CanFire(IncidentTrigger.Dismiss))
        {
            return false;
        }

        incident.DismissReason = reason.Trim();
        return await FireAsync(incident, IncidentTrigger.Dismiss, login, null, ct);
    }

    /// <summary>«Отметить отправку» of the 24-hour notice: when and how; its clock stops.</summary>
    public async Task<bool> MarkNoticeSentAsync(long id, DateTime sentAtUtc, string via, string login, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(via) || store.Find(id) is not { } incident || !new IncidentMachine(incident).CanFire(IncidentTrigger.MarkNoticeSent))
        {
            return false;
        }

        (incident.NoticeSentAtUtc, incident.NoticeSentVia) = (sentAtUtc, via.Trim());
        return await FireAsync(incident, IncidentTrigger.MarkNoticeSent, login, Stamp(sentAtUtc, via), ct);
    }

    /// <summary>«Отметить отправку» of the 72-hour results: when and how; its clock stops.</summary>
    public async Task<bool> MarkResultsSentAsync(long id, DateTime sentAtUtc, string via, string login, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(via) || store.Find(id) is not { } incident || !new IncidentMachine(incident).CanFire(IncidentTrigger.MarkResultsSent))
        {
            return false;
        }

        (incident.ResultsSentAtUtc, incident.ResultsSentVia) = (sentAtUtc, via.Trim());
        return await FireAsync(incident, IncidentTrigger.MarkResultsSent, login, Stamp(sentAtUtc, via), ct);
    }

    public Task<bool> CloseAsync(long id, string login, CancellationToken ct = default) =>
        FireAsync(id, IncidentTrigger.Close, login, null, ct);

    /// <summary>The detail of an incident's audit entries: «инцидент № 3».</summary>
    public static string Detail(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return string.Create(CultureInfo.InvariantCulture, $"инцидент № {incident.Id}");
    }

    /// <summary>Records a step in the history and returns its audit entry (to store with the incident).</summary>
    public static AuditEntry Note(Incident incident, string evt, string actor, string? note, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        incident.History.Add(new IncidentHistoryItem { AtUtc = now, Event = evt, Actor = actor, Note = note });
        return new AuditEntry
        {
            TimeUtc = now,
            Kind = IncidentEvents.Kind,
            Event = evt,
            Channel = "console",
            Actor = actor,
            Detail = note is null ? Detail(incident) : $"{Detail(incident)}: {note}",
        };
    }

    private async Task<bool> FireAsync(long id, IncidentTrigger trigger, string login, string? note, CancellationToken ct) =>
        store.Find(id) is { } incident && await FireAsync(incident, trigger, login, note, ct);

    private async Task<bool> FireAsync(Incident incident, IncidentTrigger trigger, string login, string? note, CancellationToken ct)
    {
        var from = incident.State;
        if (!new IncidentMachine(incident).TryFire(trigger))
        {
            return false;
        }

        var now = Now;
        incident.UpdatedAtUtc = now;
        if (IncidentMachine.IsFinal(incident.State))
        {
            incident.ClosedAtUtc = now;
        }

        var entry = Note(incident, IncidentEvents.Of(trigger), login, note, now);
        entry.Detail = $"{entry.Detail} ({IncidentTexts.State(from)} → {IncidentTexts.State(incident.State)})";
        IReadOnlyList<OutboxMessage> none = [];
        await store.SaveAsync(incident, none, [entry], ct);
        return true;
    }

    private static string Stamp(DateTime atUtc, string via) => $"{IncidentNotices.Time(atUtc)}, {via.Trim()}";
}
