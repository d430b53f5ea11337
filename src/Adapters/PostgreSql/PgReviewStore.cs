using System.Globalization;
using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;
using PdBot.Core.Reviews;

namespace PdBot.Adapters.PostgreSql;

/// <summary>Reviews and their drafts in PostgreSQL (the twin of <see cref="LiteReviewStore"/>); writes commit with their outbox and audit.</summary>
public sealed class PgReviewStore(PgStorage storage) : IReviewStore, IPgPersonDataEraser, IPgCopyTarget
{
    public const string Reviews = LiteReviewStore.Reviews;

    // Drafts deleted in the current turn: reads in the same turn must not see them again.
    private const string Deleted = "reviews_deleted";

    private const string Upsert = """
        INSERT INTO reviews (id, person_id, state, doc) VALUES ($1, $2, $3, $4::jsonb)
        ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, state = EXCLUDED.state, doc = EXCLUDED.doc
        """;

    public long NextId() => storage.NextId("reviews_seq");

    public Review? Find(long id) => Live(
        PgTurnWrites.Current?.Written<Review>(Reviews).Where(r => r.Id == id).ToList() is [var saved]
            ? [saved]
            : storage.Documents<Review>("SELECT doc FROM reviews WHERE id = $1", id))
        .FirstOrDefault();

    public Review? DraftOf(string personId) => OfPersonWithDrafts(personId).Where(r => r.State == ReviewState.Draft).MaxBy(r => r.Id);

    public IReadOnlyList<Review> OfPerson(string personId) => [.. OfPersonWithDrafts(personId).OrderBy(r => r.Id)];

    public IReadOnlyList<Review> List() =>
        storage.Documents<Review>("SELECT doc FROM reviews WHERE state <> $1 ORDER BY id DESC", ReviewState.Draft.ToString());

    public Task SaveAsync(Review review, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(outgoing);
        ArgumentNullException.ThrowIfNull(audit);
        if (review.Id == 0)
        {
            review.Id = NextId();
        }

        PgTurnWrites.Current?.Remember(Reviews, Key(review), review);
        return storage.WriteAsync(async tx =>
        {
            await WriteAsync(tx, review);
            await PgRequestStore.InsertOutboxAsync(tx, outgoing);
            await PgAuditLog.AppendInAsync(tx, audit);
        }, cancellationToken);
    }

    public Task DeleteDraftAsync(long id, CancellationToken cancellationToken = default)
    {
        if (Find(id) is { } r)
        {
            PgTurnWrites.Current?.Remember(Deleted, Key(r), r);
        }

        return storage.WriteAsync(
            tx => tx.ExecuteAsync("DELETE FROM reviews WHERE id = $1 AND state = $2", id, ReviewState.Draft.ToString()), cancellationToken);
    }

    /// <summary>Destruction: drafts go, every text and signature is erased; the registry's dates, URL and logins stay (ст. 10.1).</summary>
    public async Task EraseAsync(PgTx tx, PersonErasure erasure)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(erasure);
        await tx.ExecuteAsync("DELETE FROM reviews WHERE person_id = $1 AND state = $2", erasure.PersonId, ReviewState.Draft.ToString());
        var kept = await tx.DocumentsAsync<Review>("SELECT doc FROM reviews WHERE person_id = $1 ORDER BY id FOR UPDATE", erasure.PersonId);
        foreach (var r in kept.Where(r => r.Text is not null || r.Signature is not null))
        {
            r.EraseText();
            await WriteAsync(tx, r);
        }
    }

    public IReadOnlyDictionary<string, string?> Tables { get; } = new Dictionary<string, string?> { [Reviews] = "reviews" };

    public async Task CopyAsync(LiteDatabase source, PgTx tx)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tx);
        var reviews = PgPurposeCopy.All<Review>(source, Reviews);
        foreach (var (r, json) in reviews)
        {
            await WriteAsync(tx, r, json);
        }

        await PgPurposeCopy.SetSequenceAsync(source, tx, "reviews_seq", Reviews, reviews.Select(r => r.Entity.Id).DefaultIfEmpty().Max());
    }

    private List<Review> OfPersonWithDrafts(string personId) => Live(
        PgTurnWrites.Overlay(Reviews, storage.Documents<Review>("SELECT doc FROM reviews WHERE person_id = $1", personId), Key, r => r.PersonId == personId));

    private static List<Review> Live(IEnumerable<Review> reviews)
    {
        var deleted = PgTurnWrites.Current?.Written<Review>(Deleted).Select(r => r.Id).ToHashSet() ?? [];
        return [.. reviews.Where(r => !deleted.Contains(r.Id))];
    }

    private static Task<int> WriteAsync(PgTx tx, Review r, string? json = null) =>
        tx.ExecuteAsync(Upsert, r.Id, r.PersonId, r.State.ToString(), json ?? PgDocuments.ToJson(r));

    private static string Key(Review r) => r.Id.ToString(CultureInfo.InvariantCulture);
}
