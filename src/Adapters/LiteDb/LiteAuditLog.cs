using LiteDB;
using PdBot.Core.Audit;

namespace PdBot.Adapters.LiteDb;

/// <summary>The hash-chained audit trail in LiteDB. Appends are sealed on the writer thread, in commit order.</summary>
public sealed class LiteAuditLog : IAuditLog
{
    private readonly LiteDbStorage _storage;
    private AuditHead? _head;

    public LiteAuditLog(LiteDbStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;

        // A rolled-back batch may have moved the in-memory head; reread it from disk.
        storage.OnRollback(() => _head = null);
    }

    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default) =>
        entries.Count == 0 ? Task.CompletedTask : _storage.Writer.WriteAsync(db => AppendOnWriterThread(db, entries));

    /// <summary>Seals and inserts; call only from inside a writer work item.</summary>
    public void AppendOnWriterThread(LiteDatabase db, IReadOnlyList<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        var head = _head ??= db.GetCollection<AuditHead>(LiteDbStorage.Meta).FindById(AuditHead.Key) ?? new AuditHead { Hash = AuditChain.Genesis };
        var log = db.GetCollection<AuditEntry>(LiteDbStorage.Audit);
        foreach (var entry in entries)
        {
            AuditChain.Seal(entry, head.Seq, head.Hash);
            log.Insert(entry);
            head.Seq = entry.Seq;
            head.Hash = entry.Hash;
        }

        db.GetCollection<AuditHead>(LiteDbStorage.Meta).Upsert(head);
    }

    /// <summary>
    /// All entries in sequence order. A document that no longer maps to an entry (someone wrote into the
    /// file by hand) comes back as an "unreadable" entry, so verification names it instead of crashing.
    /// </summary>
    public IEnumerable<AuditEntry> ReadAll()
    {
        var mapper = _storage.Database.Mapper;
        foreach (var doc in _storage.Database.GetCollection(LiteDbStorage.Audit).Query().OrderBy("_id").ToEnumerable())
        {
            yield return ToEntry(mapper, doc);
        }
    }

    private static AuditEntry ToEntry(BsonMapper mapper, BsonDocument doc)
    {
        try
        {
            return mapper.ToObject<AuditEntry>(doc);
        }
        catch (Exception ex) when (ex is InvalidCastException or LiteException or FormatException or OverflowException)
        {
            return new AuditEntry { Seq = doc["_id"].IsNumber ? doc["_id"].AsInt64 : -1, Kind = "unreadable" };
        }
    }

    /// <summary>
    /// Walks the primary key (the sequence number) downwards, so a page costs the entries it skips, not
    /// the whole trail. A person filter uses the person/user indexes instead. Dates become sequence bounds
    /// by binary search: sequence numbers have no gaps and follow commit order, which follows time up
    /// to the few milliseconds between taking the time and committing; <see cref="SeqMargin"/> covers that.
    /// </summary>
    public IEnumerable<AuditEntry> Query(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var mapper = _storage.Database.Mapper;
        var log = _storage.Database.GetCollection(LiteDbStorage.Audit);
        if (!string.IsNullOrEmpty(query.Person))
        {
            var person = new BsonValue(query.Person);
            var hits = log.Find(LiteDB.Query.EQ(nameof(AuditEntry.PersonId), person))
                .Concat(log.Find(LiteDB.Query.EQ(nameof(AuditEntry.UserId), person)))
                .Select(d => ToEntry(mapper, d))
                .DistinctBy(e => e.Seq)
                .Where(query.Matches)
                .OrderByDescending(e => e.Seq)
                .ToList();
            foreach (var e in hits)
            {
                yield return e;
            }

            yield break;
        }

        var upper = query.BeforeSeq ?? long.MaxValue;
        var lower = 0L;
        if (query.ToUtc is { } to)
        {
            upper = Math.Min(upper, FirstSeqAtOrAfter(log, to) + SeqMargin);
        }

        if (query.FromUtc is { } from)
        {
            lower = Math.Max(0, FirstSeqAtOrAfter(log, from) - SeqMargin);
        }

        var where = new List<BsonExpression> { LiteDB.Query.LT("_id", upper), LiteDB.Query.GTE("_id", lower) };
        AddEquals(where, nameof(AuditEntry.Kind), query.Kind);
        AddEquals(where, nameof(AuditEntry.PurposeId), query.PurposeId);
        AddEquals(where, nameof(AuditEntry.Channel), query.Channel);
        AddEquals(where, nameof(AuditEntry.Actor), query.Actor);
        if (query.Events.Count > 0)
        {
            where.Add(LiteDB.Query.In(nameof(AuditEntry.Event), new BsonArray(query.Events.Select(e => new BsonValue(e)))));
        }

        var docs = log.Query().Where(LiteDB.Query.And([.. where])).OrderByDescending("_id").ToEnumerable();
        foreach (var doc in docs)
        {
            var entry = ToEntry(mapper, doc);
            if (query.Matches(entry))
            {
                yield return entry;
            }
        }
    }

    /// <summary>How far commit order may run ahead of time order, in entries; generous.</summary>
    private const long SeqMargin = 1000;

    private static void AddEquals(List<BsonExpression> where, string field, string? value)
    {
        if (value is not null)
        {
            where.Add(LiteDB.Query.EQ(field, new BsonValue(value)));
        }
    }

    /// <summary>The first sequence number whose time is at or after <paramref name="utc"/> (binary search; one past the end when none).</summary>
    private static long FirstSeqAtOrAfter(ILiteCollection<BsonDocument> log, DateTime utc)
    {
        var last = log.Query().OrderByDescending("_id").Select("$._id").Limit(1).FirstOrDefault();
        long lo = 1, hi = last is null ? 1 : last["_id"].AsInt64 + 1;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var doc = log.FindById(mid);
            if (doc is not null && doc["TimeUtc"].IsDateTime && doc["TimeUtc"].AsDateTime.ToUniversalTime() < utc)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public AuditVerification Verify()
    {
        var head = _storage.Database.GetCollection<AuditHead>(LiteDbStorage.Meta).FindById(AuditHead.Key);
        return AuditChain.Verify(ReadAll(), head is null ? null : (head.Seq, head.Hash));
    }
}
