using LiteDB;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Adapters.LiteDb;

/// <summary>Subject requests and the outbox in LiteDB (one file, so a request and its answer commit together); every write goes through the group-commit writer.</summary>
public sealed class LiteRequestStore(LiteDbStorage storage, LiteAuditLog audit, IEnumerable<IPersonDataEraser> erasers) : IRequestStore, IOutbox
{
    public const string Requests = "requests";
    public const string Outbox = "outbox";

    private readonly IdSequence _requestIds = new(storage, Requests);

    private ILiteCollection<SubjectRequest> Collection => storage.Database.GetCollection<SubjectRequest>(Requests);

    public SubjectRequest? Find(long id) =>
        DeferredWrites.Current?.Written<SubjectRequest>(Requests).FirstOrDefault(r => r.Id == id) ?? Collection.FindById(id);

    // Asked on every turn: a constant expression with a parameter is compiled by LiteDB once, a lambda on each call.
    public IReadOnlyList<SubjectRequest> OfPerson(string personId) =>
        DeferredWrites.Overlay(Requests, Collection.Find(BsonExpression.Create("$.PersonId = @0", personId)), r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r => r.PersonId == personId);

    public IReadOnlyList<SubjectRequest> All() => [.. Collection.FindAll()];

    public IReadOnlyList<SubjectRequest> Open() =>
        [.. Collection.Find(r => r.State != RequestState.Answered && r.State != RequestState.Refused && r.State != RequestState.Cancelled
            && r.State != RequestState.Superseded && r.State != RequestState.Closed)];

    public Task SaveAsync(SubjectRequest request, IReadOnlyList<AuditEntry> entries, IReadOnlyList<OutboxMessage> outgoing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Id == 0)
        {
            request.Id = _requestIds.Next();
        }

        RememberRequest(request);

        return storage.Writer.WriteAsync(db =>
        {
            db.GetCollection<SubjectRequest>(Requests).Upsert(request);
            foreach (var e in entries)
            {
                e.Detail ??= $"request {request.Id}";
            }

            Write(db, outgoing, entries);
        });
    }

    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default) =>
        storage.Writer.WriteAsync(db => Write(db, outgoing, entries));

    public IReadOnlyList<OutboxMessage> Pending(string channel) =>
        [.. storage.Database.GetCollection<OutboxMessage>(Outbox).Find(m => m.SentAtUtc == null && m.Channel == channel && m.FailedAtUtc == null).OrderBy(m => m.Id)];

    public IReadOnlyList<OutboxMessage> OutboxOfRequests(IReadOnlyCollection<long> requestIds)
    {
        ArgumentNullException.ThrowIfNull(requestIds);
        if (requestIds.Count == 0)
        {
            return [];
        }

        var ids = new BsonArray(requestIds.Select(id => new BsonValue(id)));
        return [.. storage.Database.GetCollection<OutboxMessage>(Outbox).Find(Query.In(nameof(OutboxMessage.RequestId), ids)).OrderBy(m => m.Id)];
    }

    public Task MarkSentAsync(OutboxMessage message, DateTime sentAtUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.SentAtUtc = sentAtUtc;

        // Once delivered, the recipient's chat id is no longer needed here.
        message.ChatId = "";
        return storage.Writer.WriteAsync(db =>
        {
            db.GetCollection<OutboxMessage>(Outbox).Update(message);
            var requests = db.GetCollection<SubjectRequest>(Requests);
            if (message.Kind == OutboxKind.RequestAnswer && message.RequestId is { } id && requests.FindById(id) is { } r)
            {
                r.AnswerDeliveredAtUtc = sentAtUtc;
                r.History.Add(new RequestHistoryItem(sentAtUtc, RequestAction.AnswerDelivered, Actors.System));
                requests.Update(r);
            }
        });
    }

    public Task MarkDeliveredAsync(OutboxMessage message, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Kind != OutboxKind.TurnReply
            ? MarkSentAsync(message, atUtc, cancellationToken)
            : storage.Writer.WriteAsync(db => db.GetCollection<OutboxMessage>(Outbox).Delete(message.Id));
    }

    public Task MarkInFlightAsync(OutboxMessage message, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.InFlightAtUtc = atUtc;
        return UpdateOutboxAsync(message);
    }

    public Task RescheduleAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return UpdateOutboxAsync(message);
    }

    public Task SetAsideAsync(OutboxMessage message, string error, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        (message.FailedAtUtc, message.LastError) = (atUtc, error);
        if (message.Kind == OutboxKind.TurnReply)
        {
            // Nobody will send it: the person's chat id and the text are not kept for nothing.
            (message.ChatId, message.Text, message.Buttons) = ("", "", null);
        }

        return UpdateOutboxAsync(message);
    }

    public Task CommitAsync(RequestChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var r in changes.Requests.Where(r => r.Id == 0))
        {
            r.Id = _requestIds.Next();
        }

        changes.Requests.ForEach(RememberRequest);
        LiteConsentStore.Remember(changes.Person, changes.Consents);

        return storage.Writer.WriteAsync(db =>
        {
            var requests = db.GetCollection<SubjectRequest>(Requests);
            foreach (var r in changes.Requests)
            {
                requests.Upsert(r);
            }

            if (changes.Person is { } person)
            {
                db.GetCollection<Person>(LiteDbStorage.People).Upsert(person);
            }

            db.GetCollection<ConsentRecord>(LiteDbStorage.Consents).Upsert(changes.Consents);

            // The audit entries go in first, so erasure strips their ids too (the salted digests stay, the chain verifies).
            Write(db, changes.Outgoing, changes.Audit);
            if (changes.Erasure is { } erasure)
            {
                // The purpose stores first, while the person's platform ids are still there to find their data by (the inbox).
                foreach (var eraser in erasers)
                {
                    eraser.EraseOnWriterThread(db, erasure);
                }

                Erase(db, erasure, changes.Person?.Id == erasure.PersonId ? changes.Person : null);
            }
        });
    }

    /// <summary>
    /// Destruction inside the caller's transaction: documents and statements in the person's requests always; with
    /// <see cref="PersonErasure.Identifiers"/> also the platform ids (the pseudonymous id stays), their stored incoming
    /// updates (the inbox's eraser) and the ids in the audit trail (which keeps only salted digests, so the chain still verifies).
    /// </summary>
    private static void Erase(LiteDatabase db, PersonErasure erasure, Person? changed)
    {
        var requests = db.GetCollection<SubjectRequest>(Requests);
        foreach (var r in requests.Find(x => x.PersonId == erasure.PersonId).ToList())
        {
            r.ForgetIdentity();
            (r.Relation, r.Statement) = (null, null);
            requests.Update(r);
        }

        if (!erasure.Identifiers)
        {
            return;
        }

        // The last guard: nobody with a consent in force loses their identifiers (the transaction is rolled back).
        var consents = db.GetCollection<ConsentRecord>(LiteDbStorage.Consents);
        if (consents.Exists(c => c.PersonId == erasure.PersonId && (c.State == ConsentState.Given || c.State == ConsentState.NeedsRenewal)))
        {
            throw new InvalidOperationException("Erasure refused: the person has a consent in force.");
        }

        var people = db.GetCollection<Person>(LiteDbStorage.People);
        if ((changed ?? people.FindById(erasure.PersonId)) is { } person)
        {
            person.Key = "erased:" + person.Id;
            person.PlatformUserId = "";
            person.ChatId = "";
            person.Unreachable = true;
            people.Upsert(person);
        }

        var log = db.GetCollection<AuditEntry>(LiteDbStorage.Audit);
        foreach (var e in log.Find(x => x.PersonId == erasure.PersonId && x.UserId != null).ToList())
        {
            (e.UserId, e.UserSalt) = (null, null);
            log.Update(e);
        }
    }

    private static void RememberRequest(SubjectRequest r) =>
        DeferredWrites.Current?.Remember(Requests, r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r);

    private Task UpdateOutboxAsync(OutboxMessage message) =>
        storage.Writer.WriteAsync(db => db.GetCollection<OutboxMessage>(Outbox).Update(message));

    private void Write(LiteDatabase db, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> entries)
    {
        InsertOutbox(db, storage, outgoing);
        audit.AppendOnWriterThread(db, entries);
    }

    /// <summary>Queues messages for the senders inside the caller's transaction (on the writer thread): any store may send with what it saves.</summary>
    public static void InsertOutbox(LiteDatabase db, LiteDbStorage storage, IReadOnlyList<OutboxMessage> outgoing)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(outgoing);
        var outbox = db.GetCollection<OutboxMessage>(Outbox);
        foreach (var m in outgoing)
        {
            if (m.Id == 0)
            {
                m.Id = storage.OutboxIds.Next();
            }

            outbox.Insert(m);
            storage.OutboxIds.Persist(db, m.Id);
        }
    }
}
