using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.People;

using PdBot.Core.Labels;

namespace PdBot.Core.Requests;

/// <summary>
/// One unit of work on one request, like <see cref="ConsentSession"/> for consents: the only code that changes a
/// request. Changes go through the <see cref="RequestMachine"/>'s intents and are kept in memory with their history,
/// audit entries, outgoing messages and effects on the person; <see cref="SaveAsync"/> commits them in one transaction.
/// </summary>
public sealed class RequestCase
{
    private readonly RequestCaseContext _context;
    private readonly RequestMachine _machine;
    private readonly RequestChanges _changes = new();
    private readonly List<ConsentRecord> _consents;

    public RequestCase(RequestCaseContext context, SubjectRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        _context = context;
        Request = request;
        Person = context.People.FindPersonById(request.PersonId);
        _consents = Person is null ? [] : [.. context.People.RecordsOf(Person.Id)];
        _machine = new RequestMachine(request, context.Deadlines[request.Type].Extendable);
        _changes.Requests.Add(request);
    }

    public SubjectRequest Request { get; }

    /// <summary>Null when the person record is gone.</summary>
    public Person? Person { get; }

    public IReadOnlyList<ConsentRecord> Consents => _consents;

    public RequestMachine Machine => _machine;

    public DateTime Now => _context.Time.GetUtcNow().UtcDateTime;

    public bool CanFire(RequestTrigger trigger) => _machine.CanFire(trigger);

    public bool AskDetails(string actor) => Act(_machine.AskDetails(), RequestAction.IntakeStarted, actor, null, audit: false);

    public bool CompleteDetails(string? note) => Act(_machine.CompleteDetails(), RequestAction.Received, Actors.Person, note);

    public bool ConfirmIdentity(string actor) => Act(_machine.ConfirmIdentity(), RequestAction.IdentityConfirmed, actor, null);

    /// <summary>Blocks the request and the person: from now on only answers to their own requests reach them.</summary>
    public bool Block(string actor, string action = RequestAction.Blocked)
    {
        if (!Act(_machine.Block(), action, actor, null))
        {
            return false;
        }

        if (Person is { Blocked: false })
        {
            (Person.Blocked, Person.BlockedByRequestId) = (true, Request.Id);
            _changes.Person = Person;
        }

        return true;
    }

    /// <summary>Ends the blocking this request started: the open request goes back to work, the person is unblocked.</summary>
    public bool Unblock(string actor)
    {
        var machine = _machine.Unblock();
        var person = Person is { Blocked: true } p && p.BlockedByRequestId == Request.Id;
        if (!machine && !person)
        {
            return false;
        }

        LiftPersonBlock();
        return Act(true, RequestAction.Unblocked, actor, null);
    }

    public bool Extend(DateOnly newDue, bool provisional, string reason, string actor)
    {
        if (!Act(_machine.Extend(newDue, reason, provisional), RequestAction.Extended, actor, reason))
        {
            return false;
        }

        ToPerson(RequestTexts.Extended(Request), OutboxKind.RequestExtension);
        return true;
    }

    public bool Refuse(string reason, string actor)
    {
        if (!Act(_machine.Refuse(reason), RequestAction.Refused, actor, reason))
        {
            return false;
        }

        LiftPersonBlock();
        ToPerson(RequestTexts.RefusedToPerson(Request), OutboxKind.RequestRefusal);
        return true;
    }

    /// <summary>The answer is approved and sent; a block this request started ends unless the request was to block.</summary>
    public bool Answer(string text, string actor, string? note = null)
    {
        if (!Act(_machine.Answer(text), RequestAction.Answered, actor, note))
        {
            return false;
        }

        if (Request.Type != RequestType.Blocking)
        {
            LiftPersonBlock();
        }

        ToPerson(text, OutboxKind.RequestAnswer);
        return true;
    }

    public bool Cancel(string reason, string actor) => Act(_machine.Cancel(reason), RequestAction.Cancelled, actor, reason);

    /// <summary>A new consent made this withdrawal moot; the person is told nothing was destroyed.</summary>
    public bool Supersede(string reason, string notice)
    {
        if (!Act(_machine.Supersede(reason), RequestAction.Superseded, Actors.System, reason, RequestAction.RetentionKind))
        {
            return false;
        }

        ToPerson(notice, OutboxKind.RequestNotice);
        return true;
    }

    /// <summary>Closes another open request of the same person in this unit of work, with the reason in its history.</summary>
    public bool CloseOther(SubjectRequest other, string reason)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!new RequestMachine(other, extensionAllowed: false).CloseWithoutAnswer(reason))
        {
            return false;
        }

        other.History.Add(new(Now, RequestAction.Closed, Actors.System, reason));
        _changes.Requests.Add(other);
        Audit(RequestAction.AuditEvent(RequestAction.Closed), Actors.System, reason, other);
        return true;
    }

    /// <summary>Another request of the person changed in this unit of work (a corrected value it also held).</summary>
    public void Also(SubjectRequest other)
    {
        if (!_changes.Requests.Contains(other))
        {
            _changes.Requests.Add(other);
        }
    }

    /// <summary>A history line without a state change (an operator reminder, a retention decision).</summary>
    public void Note(string action, string actor, string? note) => Request.History.Add(new(Now, action, actor, note));

    public void Audit(string evt, string actor, string? note, SubjectRequest? about = null, string kind = RequestAction.RequestKind, string? purposeId = null)
    {
        var r = about ?? Request;
        _changes.Audit.Add(new AuditEntry
        {
            TimeUtc = Now,
            Kind = kind,
            Event = evt,
            Channel = Person?.Channel ?? "",
            UserId = string.IsNullOrEmpty(Person?.PlatformUserId) ? null : Person.PlatformUserId,
            PersonId = r.PersonId,
            PurposeId = purposeId ?? r.PurposeId,
            Actor = actor,
            Detail = RussianLabels.RequestDetailText(r.Id, r.Type, note),
        });
    }

    /// <summary>Adds an audit entry as is (the destruction act).</summary>
    public void Audit(AuditEntry entry) => _changes.Audit.Add(entry);

    /// <summary>Withdraws a consent in force, with its own consent audit entry.</summary>
    public bool WithdrawConsent(string purposeId, string actor, string detail)
    {
        var record = _consents.FirstOrDefault(c => c.PurposeId == purposeId);
        if (record is null || Person is null || !new ConsentMachine(record).Withdraw())
        {
            return false;
        }

        record.UpdatedAtUtc = Now;
        _changes.Consents.Add(record);
        _changes.Audit.Add(new AuditEntry
        {
            TimeUtc = Now,
            Kind = AuditEvents.ConsentKind,
            Event = AuditEvents.Withdrawn,
            Channel = Person.Channel,
            UserId = string.IsNullOrEmpty(Person.PlatformUserId) ? null : Person.PlatformUserId,
            PersonId = Person.Id,
            PurposeId = purposeId,
            TextVersion = record.TextVersion,
            TextHash = record.TextHash,
            Actor = actor,
            Detail = $"запрос № {Request.Id}: {detail}",
        });
        return true;
    }

    /// <summary>Every request of the person, this one included (read from the store).</summary>
    public IReadOnlyList<SubjectRequest> PersonRequests() => _context.Requests.OfPerson(Request.PersonId);

    /// <summary>The person's other requests still open (read fresh from the store).</summary>
    public IEnumerable<SubjectRequest> OtherOpenRequests() =>
        _context.Requests.OfPerson(Request.PersonId).Where(o => o.Id != Request.Id && o.IsOpen);

    /// <summary>Consents currently in force (given, or given to an older text and not withdrawn).</summary>
    public IEnumerable<ConsentRecord> ConsentsInForce() => _consents.Where(c => c.State is ConsentState.Given or ConsentState.NeedsRenewal);

    /// <summary>
    /// Erases the person's data (see <see cref="PersonErasure"/>). Nobody with a consent in force loses their
    /// identifiers: withdraw first, in this same unit of work.
    /// </summary>
    public void Erase(bool identifiers)
    {
        if (identifiers && ConsentsInForce().Any())
        {
            throw new InvalidOperationException($"Request {Request.Id}: a consent is in force, the person's identifiers are not erased.");
        }

        _changes.Erasure = new PersonErasure(Request.PersonId, identifiers);
        if (identifiers && Person is not null)
        {
            Person.ErasedAtUtc = Now;
            _changes.Person = Person;
        }
    }

    public void PersonChanged()
    {
        if (Person is not null)
        {
            _changes.Person = Person;
        }
    }

    public void ToPerson(string text, string kind)
    {
        if (Person is not null && !string.IsNullOrEmpty(Person.ChatId))
        {
            _changes.Outgoing.Add(new OutboxMessage { Channel = Person.Channel, ChatId = Person.ChatId, Text = text, Kind = kind, RequestId = Request.Id == 0 ? null : Request.Id, CreatedAtUtc = Now });
        }
    }

    public void ToOperators(string text)
    {
        var o = _context.Options;
        if (!string.IsNullOrWhiteSpace(o.AdminChannel) && !string.IsNullOrWhiteSpace(o.AdminChatId))
        {
            _changes.Outgoing.Add(new OutboxMessage { Channel = o.AdminChannel, ChatId = o.AdminChatId, Text = text, Kind = OutboxKind.OperatorAlert, RequestId = Request.Id == 0 ? null : Request.Id, CreatedAtUtc = Now });
        }
    }

    public int OutgoingCount => _changes.Outgoing.Count;

    public Task SaveAsync(CancellationToken cancellationToken = default) => _context.Requests.CommitAsync(_changes, cancellationToken);

    private void LiftPersonBlock()
    {
        if (Person is { Blocked: true } p && p.BlockedByRequestId == Request.Id)
        {
            (p.Blocked, p.BlockedByRequestId) = (false, null);
            _changes.Person = p;
        }
    }

    private bool Act(bool fired, string action, string actor, string? note, string kind = RequestAction.RequestKind, bool audit = true)
    {
        if (!fired)
        {
            return false;
        }

        Request.History.Add(new(Now, action, actor, note));
        if (audit && Person is not null)
        {
            Audit(kind == RequestAction.RequestKind ? RequestAction.AuditEvent(action) : action, actor, note, kind: kind);
        }

        return true;
    }
}
