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
                request.Id = (requests.Max(r => (long?)r.Id) ?? 0) + 1;
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
        [.. storage.Database.GetCollection<OutboxMessage>(Outbox).Find(m => m.Channel == channel && m.SentAtUtc == null).OrderBy(m => m.Id)];

    public Task MarkSentAsync(OutboxMessage message, DateTime sentAtUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.SentAtUtc = sentAtUtc;
        return storage.Writer.WriteAsync(db => db.GetCollection<OutboxMessage>(Outbox).Update(message));
    }

    private void Write(LiteDatabase db, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> entries)
    {
        var outbox = db.GetCollection<OutboxMessage>(Outbox);
        foreach (var m in outgoing)
        {
            m.Id = (outbox.Max(x => (long?)x.Id) ?? 0) + 1;
            outbox.Insert(m);
        }

        audit.AppendOnWriterThread(db, entries);
    }
}
