using LiteDB;
using PdBot.Core.Audit;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Adapters.LiteDb;

/// <summary>Subject requests and the outbox in LiteDB; every write goes through the group-commit writer.</summary>
public sealed class LiteRequestStore(LiteDbStorage storage, LiteAuditLog audit) : IRequestStore
{
    public const string Requests = "requests";
    public const string Outbox = "outbox";

    private ILiteCollection<SubjectRequest> Collection => storage.Database.GetCollection<SubjectRequest>(Requests);

    public SubjectRequest? Find(long id) => Collection.FindById(id);

    public IReadOnlyList<SubjectRequest> OfPerson(string personId) => [.. Collection.Find(r => r.PersonId == personId)];

    public IReadOnlyList<SubjectRequest> All() => [.. Collection.FindAll()];

    public IReadOnlyList<SubjectRequest> Open() =>
        [.. Collection.Find(r => r.State != RequestState.Answered && r.State != RequestState.Refused)];

    public Task SaveAsync(SubjectRequest request, IReadOnlyList<AuditEntry> entries, IReadOnlyList<OutboxMessage> outgoing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return storage.Writer.WriteAsync(db =>
        {
            var requests = db.GetCollection<SubjectRequest>(Requests);
            if (request.Id == 0)
            {
                request.Id = NextId(requests);
            }

            requests.Upsert(request);
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
        [.. storage.Database.GetCollection<OutboxMessage>(Outbox).Find(m => m.SentAtUtc == null && m.Channel == channel).OrderBy(m => m.Id)];

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
            if (message.Kind == "request-answer" && message.RequestId is { } id && requests.FindById(id) is { } r)
            {
                r.AnswerDeliveredAtUtc = sentAtUtc;
                r.History.Add(new RequestHistoryItem(sentAtUtc, "answer-delivered", "system"));
                requests.Update(r);
            }
        });
    }

    public Task DestroyPersonAsync(string personId, SubjectRequest request, IReadOnlyList<AuditEntry> entries, IReadOnlyList<OutboxMessage> outgoing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return storage.Writer.WriteAsync(db =>
        {
            var people = db.GetCollection<PdBot.Core.People.Person>(LiteDbStorage.People);
            if (people.FindById(personId) is { } person)
            {
                person.Key = "erased:" + person.Id;
                person.PlatformUserId = "";
                person.ChatId = "";
                person.Unreachable = true;
                people.Update(person);
            }

            var requests = db.GetCollection<SubjectRequest>(Requests);
            foreach (var r in requests.Find(x => x.PersonId == personId).ToList().Append(request))
            {
                r.ForgetIdentity();
                requests.Upsert(r);
            }

            var log = db.GetCollection<AuditEntry>(LiteDbStorage.Audit);
            foreach (var e in log.Find(x => x.PersonId == personId && x.UserId != null).ToList())
            {
                (e.UserId, e.UserSalt) = (null, null);
                log.Update(e);
            }

            Write(db, outgoing, entries);
        });
    }

    // LiteDB's Max throws on an empty collection; the newest _id by the primary index is cheap.
    private static long NextId<T>(ILiteCollection<T> collection) =>
        (collection.Query().OrderByDescending("_id").Select("_id").FirstOrDefault()?["_id"].AsInt64 ?? 0) + 1;

    private void Write(LiteDatabase db, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> entries)
    {
        var outbox = db.GetCollection<OutboxMessage>(Outbox);
        foreach (var m in outgoing)
        {
            m.Id = NextId(outbox);
            outbox.Insert(m);
        }

        audit.AppendOnWriterThread(db, entries);
    }
}
