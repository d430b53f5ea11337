using System.Globalization;
using LiteDB;
using PdBot.Core.Audit;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Core.Reviews;

namespace PdBot.Adapters.LiteDb;

/// <summary>Reviews and their drafts in LiteDB; writes go through the group-commit writer with their outbox and audit.</summary>
public sealed class LiteReviewStore : IReviewStore, IPersonDataEraser
{
    public const string Reviews = "reviews";

    // Drafts deleted in the current turn: reads in the same turn must not see them again.
    private const string Deleted = "reviews_deleted";

    private readonly LiteDbStorage _storage;
    private readonly LiteAuditLog _audit;
    private readonly IdSequence _ids;

    public LiteReviewStore(LiteDbStorage storage, LiteAuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(storage);
        (_storage, _audit) = (storage, audit);
        _ids = new IdSequence(storage, Reviews);
        storage.OnRollback(_ids.Forget);
        var c = storage.Database.GetCollection<Review>(Reviews);
        c.EnsureIndex(r => r.PersonId);
        c.EnsureIndex(r => r.State);
    }

    private ILiteCollection<Review> Collection => _storage.Database.GetCollection<Review>(Reviews);

    public long NextId() => _ids.Next();

    public Review? Find(long id) => Live(
        DeferredWrites.Current?.Written<Review>(Reviews).Where(r => r.Id == id).ToList() is [var saved] ? [saved] : Collection.Find(r => r.Id == id))
        .FirstOrDefault();

    public Review? DraftOf(string personId) => OfPersonWithDrafts(personId).Where(r => r.State == ReviewState.Draft).MaxBy(r => r.Id);

    public IReadOnlyList<Review> OfPerson(string personId) => [.. OfPersonWithDrafts(personId).OrderBy(r => r.Id)];

    public IReadOnlyList<Review> List() =>
        [.. Collection.Find(BsonExpression.Create("$.State != @0", ReviewState.Draft.ToString())).OrderByDescending(r => r.Id)];

    public Task SaveAsync(Review review, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(outgoing);
        ArgumentNullException.ThrowIfNull(audit);
        if (review.Id == 0)
        {
            review.Id = _ids.Next();
        }

        DeferredWrites.Current?.Remember(Reviews, Key(review), review);
        return _storage.Writer.WriteAsync(db =>
        {
            db.GetCollection<Review>(Reviews).Upsert(review);
            _ids.Persist(db, review.Id);
            LiteRequestStore.InsertOutbox(db, _storage, outgoing);
            _audit.AppendOnWriterThread(db, audit);
        });
    }

    public Task DeleteDraftAsync(long id, CancellationToken cancellationToken = default)
    {
        if (Find(id) is { } r)
        {
            DeferredWrites.Current?.Remember(Deleted, Key(r), r);
        }

        return _storage.Writer.WriteAsync(db => db.GetCollection<Review>(Reviews)
            .DeleteMany(BsonExpression.Create("$._id = @0 AND $.State = @1", id, ReviewState.Draft.ToString())));
    }

    /// <summary>Destruction: drafts go, every text and signature is erased; the registry's dates, URL and logins stay (ст. 10.1).</summary>
    public void EraseOnWriterThread(LiteDatabase db, PersonErasure erasure)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(erasure);
        var c = db.GetCollection<Review>(Reviews);
        c.DeleteMany(BsonExpression.Create("$.PersonId = @0 AND $.State = @1", erasure.PersonId, ReviewState.Draft.ToString()));
        foreach (var r in c.Find(BsonExpression.Create("$.PersonId = @0", erasure.PersonId)).Where(r => r.Text is not null || r.Signature is not null).ToList())
        {
            r.EraseText();
            c.Update(r);
        }
    }

    private List<Review> OfPersonWithDrafts(string personId) => Live(
        DeferredWrites.Overlay(Reviews, Collection.Find(BsonExpression.Create("$.PersonId = @0", personId)), Key, r => r.PersonId == personId));

    private static List<Review> Live(IEnumerable<Review> reviews)
    {
        var deleted = DeferredWrites.Current?.Written<Review>(Deleted).Select(r => r.Id).ToHashSet() ?? [];
        return [.. reviews.Where(r => !deleted.Contains(r.Id))];
    }

    private static string Key(Review r) => r.Id.ToString(CultureInfo.InvariantCulture);
}
