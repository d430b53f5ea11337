using PdBot.Core.Outbox;
using PdBot.Core.Admin;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Labels;
using PdBot.Core.Mailings;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Bot.Admin.People;

/// <summary>
/// Everything PdBot holds about one person, read once: their current consents, their requests, and one
/// chronological list of consent, request and message events. Admin views of the person are kept apart
/// (<see cref="AdminAccess"/>): they say who looked, not what the person did.
/// </summary>
public sealed class PersonTimeline
{
    private PersonTimeline(Person person, IReadOnlyList<ConsentRecord> consents, IReadOnlyList<SubjectRequest> requests,
        IReadOnlyList<TimelineEvent> events, IReadOnlyList<AuditEntry> adminAccess, IReadOnlyList<MailingDelivery> mailings)
    {
        Person = person;
        Consents = consents;
        Requests = requests;
        Events = events;
        AdminAccess = adminAccess;
        Mailings = mailings;
    }

    public Person Person { get; }

    /// <summary>The platform id is erased on destruction; the pseudonymous id stays.</summary>
    public bool IsErased => string.IsNullOrEmpty(Person.PlatformUserId);

    public IReadOnlyList<ConsentRecord> Consents { get; }

    public IReadOnlyList<SubjectRequest> Requests { get; }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<TimelineEvent> Events { get; }

    /// <summary>Console views and downloads of this person's data, oldest first.</summary>
    public IReadOnlyList<AuditEntry> AdminAccess { get; }

    /// <summary>The person's rows in mailings' delivery ledgers, by mailing: what reached them, under which consent.</summary>
    public IReadOnlyList<MailingDelivery> Mailings { get; }

    /// <param name="mailingPurpose">The mailing consent's purpose id: the consent a mailing row's version and hash belong to.</param>
    /// <returns>Null when no person has this id.</returns>
    public static PersonTimeline? Load(string personId, IConsentStore consents, IAuditLog audit, IRequestStore requests, IOutbox outbox, IMailingStore mailings, string mailingPurpose)
    {
        ArgumentNullException.ThrowIfNull(consents);
        ArgumentNullException.ThrowIfNull(mailings);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(requests);
        var person = string.IsNullOrWhiteSpace(personId) ? null : consents.FindPersonById(personId);
        if (person is null)
        {
            return null;
        }

        // The query also matches platform ids; only entries that point at this pseudonym belong here.
        var entries = audit.Query(new AuditQuery { Person = person.Id }).Where(e => e.PersonId == person.Id).OrderBy(e => e.Seq).ToList();
        var ofPerson = requests.OfPerson(person.Id).OrderBy(r => r.Id).ToList();

        // Operator alerts are linked to requests too, but they went to the clinic's chat, not to the person.
        var messages = outbox.OutboxOfRequests([.. ofPerson.Select(r => r.Id)]).Where(m => m.Kind != "operator-alert");

        var events = new List<(TimelineEvent Event, int Rank, long Order, int Index)>();
        events.AddRange(entries.Where(e => e.Kind != AdminEvents.Kind).Select(e => (FromAudit(e), 0, e.Seq, 0)));
        foreach (var r in ofPerson)
        {
            events.AddRange(r.History.Select((h, i) => (FromHistory(r, h, person.Channel), 1, r.Id, i)));
        }

        events.AddRange(messages.Select(m => (FromMessage(m), 2, m.Id, 0)));
        var delivered = mailings.DeliveriesOfPerson(person.Id);
        events.AddRange(delivered.Select(d => (FromDelivery(d, mailingPurpose, mailings.Find(d.MailingId)?.StartedAtUtc ?? person.CreatedAtUtc), 3, d.MailingId, 0)));

        // Same instant: the audited entry first, then the request's own note of it, then the message it caused, then a mailing.
        var ordered = events.OrderBy(x => x.Event.TimeUtc).ThenBy(x => x.Rank).ThenBy(x => x.Order).ThenBy(x => x.Index).Select(x => x.Event).ToList();
        return new PersonTimeline(person, [.. consents.RecordsOf(person.Id).OrderBy(c => c.PurposeId, StringComparer.Ordinal)], ofPerson, ordered,
            [.. entries.Where(e => e.Kind == AdminEvents.Kind)], delivered);
    }

    private static TimelineEvent FromAudit(AuditEntry e) => new()
    {
        TimeUtc = e.TimeUtc,
        Source = TimelineEvent.AuditSource,
        Kind = e.Kind,
        Event = e.Event,
        Channel = e.Channel,
        PurposeId = e.PurposeId,
        TextVersion = e.TextVersion,
        TextHash = e.TextHash,
        Buttons = e.Buttons,
        Actor = e.Actor,
        Detail = e.Detail,
        Seq = e.Seq,
        PrevHash = e.PrevHash,
        EntryHash = e.Hash,
        UserDigest = e.UserDigest,
        MessageId = e.MessageId,
        HashOk = AuditChain.ComputeHash(e) == e.Hash,
    };

    private static TimelineEvent FromHistory(SubjectRequest r, RequestHistoryItem h, string channel) => new()
    {
        TimeUtc = h.TimeUtc,
        Source = TimelineEvent.HistorySource,
        Kind = "request",
        Event = h.Action,
        Channel = channel,
        PurposeId = r.PurposeId,
        Actor = h.Actor,
        Detail = RussianLabels.RequestDetailText(r.Id, r.Type, h.Note),
        RequestId = r.Id,
    };

    /// <param name="started">When the mailing started: the time of a row not tried yet (rows are written then).</param>
    private static TimelineEvent FromDelivery(MailingDelivery d, string mailingPurpose, DateTime started) => new()
    {
        TimeUtc = d.AtUtc ?? d.InFlightAtUtc ?? started,
        Source = TimelineEvent.MailingSource,
        Kind = TimelineEvent.MailingSource,
        Event = TimelineLabels.DeliveryEvent(d.State),
        Channel = d.Channel,
        PurposeId = d.ConsentVersion is null ? null : mailingPurpose,
        TextVersion = d.ConsentVersion,
        TextHash = d.ConsentTextHash,
        Actor = Actors.System,
        Detail = TimelineLabels.DeliveryDetail(d),
        MailingId = d.MailingId,
        MessageId = d.PlatformMessageId,
        SentAtUtc = d.State == MailingDeliveryState.Sent ? d.AtUtc : null,
    };

    private static TimelineEvent FromMessage(Core.Outbox.OutboxMessage m) => new()
    {
        TimeUtc = m.SentAtUtc ?? m.CreatedAtUtc,
        Source = TimelineEvent.MessageSource,
        Kind = TimelineEvent.MessageSource,
        Event = m.SentAtUtc is null ? "message-queued" : "message-sent",
        Channel = m.Channel,
        Actor = Actors.System,
        Detail = $"запрос № {m.RequestId}: {RussianLabels.MessageKind(m.Kind)}",
        RequestId = m.RequestId,
        MessageText = m.Text,
        QueuedAtUtc = m.CreatedAtUtc,
        SentAtUtc = m.SentAtUtc,
    };
}
