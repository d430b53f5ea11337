using PdBot.Core.Audit;
using PdBot.Core.People;

namespace PdBot.Core.Consent;

/// <summary>
/// One turn's work on one person's consents: changes are made in memory through the machines,
/// then <see cref="SaveAsync"/> commits them and their audit entries at once.
/// </summary>
public sealed class ConsentSession
{
    private readonly IConsentStore _store;
    private readonly ConsentCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, ConsentRecord> _records;
    private readonly HashSet<ConsentRecord> _changed = [];
    private readonly List<AuditEntry> _audit = [];
    private bool _personChanged;
    private string? _arrivedFrom;

    private ConsentSession(IConsentStore store, ConsentCatalog catalog, TimeProvider time, Person person, bool isNew)
    {
        _store = store;
        _catalog = catalog;
        _time = time;
        Person = person;
        _personChanged = isNew;
        _records = isNew ? [] : store.RecordsOf(person.Id).ToDictionary(r => r.PurposeId, StringComparer.Ordinal);
    }

    public Person Person { get; }

    public static ConsentSession Open(IConsentStore store, ConsentCatalog catalog, TimeProvider time, string channel, string userId, string chatId)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var person = store.FindPerson(channel, userId);
        return person is not null
            ? new ConsentSession(store, catalog, time, person, isNew: false)
            : new ConsentSession(store, catalog, time, Person.Create(channel, userId, chatId, time.GetUtcNow().UtcDateTime), isNew: true);
    }

    public ConsentState StateOf(string purposeId) => _records.TryGetValue(purposeId, out var r) ? r.State : ConsentState.NotAsked;

    public ConsentRecord? RecordOf(string purposeId) => _records.GetValueOrDefault(purposeId);

    /// <summary>
    /// The subscription link this turn came through (already checked): the person keeps the first one ever, and a
    /// consent offered or given in this turn records it.
    /// </summary>
    public void ArrivedFrom(string? source)
    {
        if (source is null)
        {
            return;
        }

        _arrivedFrom = source;
        if (Person.Source is null)
        {
            Person.Source = source;
            _personChanged = true;
        }
    }

    /// <summary>Shows the form; it remembers the link it was shown after (none: an earlier cycle's source is dropped).</summary>
    public bool Offer(string purposeId)
    {
        if (!Apply(purposeId, m => m.Offer(_catalog.Get(purposeId).ToConsentText()), null, null))
        {
            return false;
        }

        _records[purposeId].Source = _arrivedFrom;
        return true;
    }

    public bool Tick(string purposeId) => Apply(purposeId, m => m.Tick(), "tick", null);

    public bool Untick(string purposeId) => Apply(purposeId, m => m.Untick(), "untick", null);

    /// <summary>«Отправить»: gives the consent only from the ticked state.</summary>
    /// <remarks>
    /// The consent records where the person came from: this turn's link, else the one the form was offered after,
    /// else the person's first; the "given" entry says it too.
    /// </remarks>
    public bool Submit(string purposeId, string? messageId)
    {
        var source = _arrivedFrom ?? RecordOf(purposeId)?.Source ?? Person.Source;
        if (!Apply(purposeId, m => m.Submit(), "submit", (AuditEvents.Given, messageId), source is null ? null : SourceDetail + source))
        {
            return false;
        }

        _records[purposeId].Source = source;
        return true;
    }

    /// <summary>The start of a "given" entry's detail naming the subscription link's source.</summary>
    public const string SourceDetail = "источник: ";

    /// <summary>
    /// Mailing topics are preferences inside a given consent: the change is audited ("topics", the ids followed), but
    /// it gives or withdraws nothing — no topic at all still leaves the consent in force.
    /// </summary>
    public bool SetTopics(string purposeId, IReadOnlyList<string> topics, string? messageId)
    {
        ArgumentNullException.ThrowIfNull(topics);
        if (_records.GetValueOrDefault(purposeId) is not { State: ConsentState.Given } record)
        {
            return false;
        }

        record.Topics = [.. topics];
        record.UpdatedAtUtc = _time.GetUtcNow().UtcDateTime;
        _changed.Add(record);
        var detail = "темы: " + (topics.Count == 0 ? "ни одной" : string.Join(", ", topics));
        _audit.Add(NewEntry(AuditEvents.ConsentKind, AuditEvents.Topics, record, messageId, detail, "person"));
        return true;
    }

    public bool Decline(string purposeId, string? messageId) =>
        Apply(purposeId, m => m.Decline(), "decline", (AuditEvents.Declined, messageId));

    public bool Withdraw(string purposeId, string? messageId, string? detail = null) =>
        Apply(purposeId, m => m.Withdraw(), null, (AuditEvents.Withdrawn, messageId), detail);

    /// <summary>Ends a consent whose term ran out (policy 6.2.9); done by the retention job, not the person.</summary>
    public bool Expire(string purposeId, string detail) =>
        Apply(purposeId, m => m.Expire(), null, (AuditEvents.Expired, null), detail, actor: "system");

    /// <summary>Marks a consent given to an older text as needing renewal (done by the system, not the person).</summary>
    public bool MarkTextChanged(string purposeId) =>
        Apply(purposeId, m => m.MarkTextChanged(), null, (AuditEvents.NeedsRenewal, null), actor: "system");

    /// <summary>Stops everything to a person who blocked the bot or denied messages.</summary>
    public void MarkUnreachable(string? messageId, string reason)
    {
        if (!Person.Unreachable)
        {
            Person.Unreachable = true;
            _personChanged = true;
            _audit.Add(NewEntry(AuditEvents.PersonKind, AuditEvents.Unreachable, null, messageId, reason, "person"));
        }
    }

    /// <summary>
    /// The platform says the person allows messages again (VK message_allow, Telegram unblock): recorded,
    /// and replies are possible again — but no consent changes by itself.
    /// </summary>
    public void RecordMessagesAllowed(string? messageId, string detail)
    {
        MarkReachable();
        _audit.Add(NewEntry(AuditEvents.PersonKind, AuditEvents.MessagesAllowed, null, messageId, detail, "person"));
    }

    /// <summary>Sending again is allowed once the person writes to the bot themselves.</summary>
    public void MarkReachable()
    {
        if (Person.Unreachable)
        {
            Person.Unreachable = false;
            _personChanged = true;
        }
    }

    public bool HasChanges => _personChanged || _changed.Count > 0 || _audit.Count > 0;

    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        if (!HasChanges)
        {
            return;
        }

        await _store.SaveAsync(Person, _personChanged, [.. _changed], [.. _audit], cancellationToken);
        _changed.Clear();
        _audit.Clear();
        _personChanged = false;
    }

    private bool Apply(string purposeId, Func<ConsentMachine, bool> fire, string? button, (string Event, string? MessageId)? audit, string? detail = null, string actor = "person")
    {
        var record = _records.GetValueOrDefault(purposeId) ?? NewRecord(purposeId);
        var machine = new ConsentMachine(record);
        if (!fire(machine))
        {
            return false;
        }

        if (button is not null)
        {
            record.Buttons.Add(button);
        }

        var now = _time.GetUtcNow().UtcDateTime;
        record.UpdatedAtUtc = now;
        if (record.State == ConsentState.Given && audit?.Event == AuditEvents.Given)
        {
            record.GivenAtUtc = now;
        }

        _records[purposeId] = record;
        _changed.Add(record);
        if (audit is { } a)
        {
            _audit.Add(NewEntry(AuditEvents.ConsentKind, a.Event, record, a.MessageId, detail, actor));
        }

        return true;
    }

    private ConsentRecord NewRecord(string purposeId) => new()
    {
        Id = ConsentRecord.MakeId(Person.Id, purposeId),
        PersonId = Person.Id,
        PurposeId = purposeId,
    };

    private AuditEntry NewEntry(string kind, string evt, ConsentRecord? record, string? messageId, string? detail, string actor) => new()
    {
        TimeUtc = _time.GetUtcNow().UtcDateTime,
        Kind = kind,
        Event = evt,
        Channel = Person.Channel,
        UserId = Person.PlatformUserId,
        PersonId = Person.Id,
        MessageId = messageId,
        PurposeId = record?.PurposeId,
        TextVersion = record?.TextVersion,
        TextHash = record?.TextHash,
        Buttons = record is null ? [] : [.. record.Buttons],
        Actor = actor,
        Detail = detail,
    };
}
