using System.Globalization;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Core.Incidents;

/// <summary>
/// The people an incident affected: chosen from the audit trail and the store, counted, and sent a service notice
/// through their own channels via the outbox. Telling them is the operator's duty (152-FZ Art. 21 part 3.1 and the
/// medical institution's duty to remove the effects), so no mailing consent is checked; the blocked and the destroyed
/// are counted, never messaged. The incident keeps the list and each delivery's outcome.
/// </summary>
public sealed class AffectedPeople(IIncidentStore store, IConsentStore people, IAuditLog audit, TimeProvider time)
{
    private static readonly string[] PlatformChannels = ["telegram", "vk"];

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The person ids matching the query, and how many lines of its explicit list matched nobody.</summary>
    public (IReadOnlyList<string> PersonIds, int Unknown) Find(AffectedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string id)
        {
            if (seen.Add(id))
            {
                ids.Add(id);
            }
        }

        if (query.HasFilter)
        {
            var filter = new AuditQuery
            {
                Channel = Blank(query.Channel),
                PurposeId = Blank(query.PurposeId),
                FromUtc = query.FromUtc,
                ToUtc = query.ToUtc,
            };

            // Oldest first reads better on the page; the trail is read newest first.
            foreach (var id in audit.Query(filter).Where(e => !string.IsNullOrEmpty(e.PersonId)).Select(e => e.PersonId!).Reverse())
            {
                Add(id);
            }
        }

        var unknown = 0;
        foreach (var line in query.IdLines)
        {
            if (Resolve(line, Blank(query.Channel)) is { } id)
            {
                Add(id);
            }
            else
            {
                unknown++;
            }
        }

        return (ids, unknown);
    }

    /// <summary>What a service notice to these people would do.</summary>
    public AffectedCount Count(IEnumerable<string> personIds, int unknown = 0)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var outcomes = personIds.Select(id => Skip(people.FindPersonById(id))).ToList();
        return new AffectedCount(
            outcomes.Count(o => o is null),
            outcomes.Count(o => o == DeliveryOutcome.SkippedBlocked),
            outcomes.Count(o => o == DeliveryOutcome.SkippedDestroyed),
            unknown);
    }

    /// <summary>Keeps the selection as the incident's list of affected people (replacing an earlier one); audited with its size.</summary>
    public async Task<AffectedCount?> SelectAsync(long incidentId, AffectedQuery query, string login, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (store.Find(incidentId) is not { } incident)
        {
            return null;
        }

        var (ids, unknown) = Find(query);
        incident.AffectedPersonIds = [.. ids];
        var count = Count(ids, unknown);
        var now = Now;
        incident.UpdatedAtUtc = now;
        var entry = IncidentService.Note(incident, IncidentEvents.AffectedSelected, login, string.Create(CultureInfo.InvariantCulture, $"выбрано {ids.Count}"), now);
        await store.SaveAsync(incident, [], [entry], ct);
        return count;
    }

    /// <summary>
    /// Sends <paramref name="text"/> to every listed person who has no notice yet: queued in the outbox for the
    /// reachable, recorded as skipped for the blocked and the destroyed. Returns how many were queued.
    /// </summary>
    public async Task<int> SendAsync(long incidentId, string text, string login, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text) || store.Find(incidentId) is not { } incident)
        {
            return 0;
        }

        var now = Now;
        var done = incident.Deliveries.Select(d => d.PersonId).ToHashSet(StringComparer.Ordinal);
        var outgoing = new List<OutboxMessage>();
        var entries = new List<AuditEntry>();
        foreach (var id in incident.AffectedPersonIds.Where(id => !done.Contains(id)))
        {
            var person = people.FindPersonById(id);
            var delivery = new AffectedDelivery { PersonId = id, Channel = person?.Channel ?? "", AtUtc = now };
            if (Skip(person) is { } skipped)
            {
                delivery.Outcome = skipped;
            }
            else
            {
                var message = new OutboxMessage
                {
                    Id = store.NextOutboxId(),
                    Channel = person!.Channel,
                    ChatId = person.ChatId,
                    Text = text.Trim(),
                    Kind = OutboxKind.ServiceNotice,
                    CreatedAtUtc = now,
                };
                (delivery.Outcome, delivery.OutboxId) = (DeliveryOutcome.Pending, message.Id);
                outgoing.Add(message);
            }

            incident.Deliveries.Add(delivery);
            entries.Add(new AuditEntry
            {
                TimeUtc = now,
                Kind = IncidentEvents.Kind,
                Event = IncidentEvents.ServiceNoticeQueued,
                Channel = delivery.Channel,
                PersonId = id,
                Actor = login,
                Detail = $"{IncidentService.Detail(incident)}: служебное уведомление — {IncidentTexts.Outcome(delivery.Outcome)}",
            });
        }

        if (entries.Count == 0)
        {
            return 0;
        }

        incident.UpdatedAtUtc = now;
        entries.Insert(0, IncidentService.Note(
            incident, IncidentEvents.ServiceNoticeQueued, login,
            string.Create(CultureInfo.InvariantCulture, $"служебное уведомление: в очереди {outgoing.Count}, пропущено {entries.Count - outgoing.Count}"), now));
        await store.SaveAsync(incident, outgoing, entries, ct);
        return outgoing.Count;
    }

    /// <summary>Brings the pending deliveries up to date with the outbox (sent, failed); returns how many changed.</summary>
    public async Task<int> RefreshAsync(Incident incident, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var pending = incident.Deliveries.Where(d => d.Outcome == DeliveryOutcome.Pending && d.OutboxId is not null).ToList();
        if (pending.Count == 0)
        {
            return 0;
        }

        var messages = store.OutboxMessages([.. pending.Select(d => d.OutboxId!.Value)]).ToDictionary(m => m.Id);
        var changed = 0;
        foreach (var d in pending)
        {
            if (messages.GetValueOrDefault(d.OutboxId!.Value) is not { } m)
            {
                continue;
            }

            if (m.SentAtUtc is { } sent)
            {
                (d.Outcome, d.AtUtc) = (DeliveryOutcome.Sent, sent);
                changed++;
            }
            else if (m.FailedAtUtc is { } failed)
            {
                (d.Outcome, d.AtUtc) = (DeliveryOutcome.Failed, failed);
                changed++;
            }
        }

        if (changed > 0)
        {
            // The outcomes mirror the outbox, which audits nothing of its own either; the queueing was audited.
            await store.SaveAsync(incident, [], [], ct);
        }

        return changed;
    }

    /// <summary>Every open incident's deliveries brought up to date (the clock worker's round).</summary>
    public async Task<int> RefreshAllAsync(CancellationToken ct = default)
    {
        var changed = 0;
        foreach (var incident in store.List().Where(i => i.Deliveries.Any(d => d.Outcome == DeliveryOutcome.Pending)))
        {
            changed += await RefreshAsync(incident, ct);
        }

        return changed;
    }

    /// <summary>Why a person gets no notice (blocked, destroyed or gone), or null when they get one.</summary>
    private static DeliveryOutcome? Skip(Person? person) => person switch
    {
        null or { ErasedAtUtc: not null } => DeliveryOutcome.SkippedDestroyed,
        { Blocked: true } => DeliveryOutcome.SkippedBlocked,
        _ => null,
    };

    /// <summary>A line of the explicit list: a person id, «channel:platform id», or a platform id on the chosen channel (or any).</summary>
    private string? Resolve(string line, string? channel)
    {
        if (people.FindPersonById(line) is { } byId)
        {
            return byId.Id;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            return people.FindPerson(line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim())?.Id;
        }

        return (channel is null ? PlatformChannels : [channel]).Select(c => people.FindPerson(c, line)?.Id).FirstOrDefault(id => id is not null);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
