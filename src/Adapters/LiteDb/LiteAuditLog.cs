using LiteDB;
using PdBot.Core.Audit;

namespace PdBot.Adapters.LiteDb;

/// <summary>The hash-chained audit trail in LiteDB. Appends are sealed on the writer thread, in commit order.</summary>
public sealed class LiteAuditLog : IAuditLog
{
    private readonly LiteDbStorage? _storage;
    private readonly LiteDatabase _db;
    private AuditHead? _head;

    public LiteAuditLog(LiteDbStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
        _db = storage.Database;

        // A rolled-back batch may have moved the in-memory head; reread it from disk.
        storage.OnRollback(() => _head = null);
    }

    /// <summary>The trail of another file opened read-only (a backup copy being checked): it can be read and verified, not appended to.</summary>
    internal LiteAuditLog(LiteDatabase readOnly) => _db = readOnly;

    private LiteDbStorage Storage => _storage ?? throw new InvalidOperationException("This audit log is read-only.");

    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default) =>
        entries.Count == 0 ? Task.CompletedTask : Storage.Writer.WriteAsync(db => AppendOnWriterThread(db, entries));

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
        var mapper = _db.Mapper;
        foreach (var doc in Documents())
        {
            yield return ToEntry(mapper, doc);
        }
    }

    /// <summary>
    /// The raw documents in sequence order, read from the primary key in chunks, one query each: a LiteDB read
    /// transaction keeps every page it has read until it ends (up to 800 MB), so a single query over a long trail
    /// would hold most of the file in memory.
    /// </summary>
    public IEnumerable<BsonDocument> Documents() => Documents(BsonValue.MinValue, long.MaxValue);

    private IEnumerable<BsonDocument> Documents(BsonValue after, long lastSeq)
    {
        while (true)
        {
            var chunk = ChunkAfter(after, lastSeq);
            foreach (var doc in chunk)
            {
                yield return doc;
            }

            if (chunk.Count < ReadChunk)
            {
                yield break;
            }

            after = chunk[^1]["_id"];
        }
    }

    /// <summary>
    /// Readers of consecutive chunks up to <paramref name="lastSeq"/>. Sequence numbers have no gaps, so chunks
    /// up to the head are ranges of the key that workers read in parallel; anything past the head (only an
    /// altered file has it) is read in order after them.
    /// </summary>
    private IEnumerable<Func<IReadOnlyList<BsonDocument>>> Chunks(long? headSeq, long lastSeq, long afterSeq = 0)
    {
        var ranged = headSeq is { } h ? Math.Min(h, lastSeq) : 0;
        for (var first = afterSeq + 1; first <= ranged; first += ReadChunk)
        {
            BsonValue after = first == 1 ? BsonValue.MinValue : first - 1;
            var to = Math.Min(first + ReadChunk - 1, ranged);
            yield return () => ChunkAfter(after, to);
        }

        foreach (var chunk in Documents(Math.Max(ranged, afterSeq), lastSeq).Chunk(ReadChunk))
        {
            yield return () => chunk;
        }
    }
    private const int ReadChunk = 1024;

    /// <summary>Up to <see cref="ReadChunk"/> documents after <paramref name="after"/>, in key order, in one query.</summary>
    private List<BsonDocument> ChunkAfter(BsonValue after, long lastSeq) =>
        _db.GetCollection(LiteDbStorage.Audit).Query()
            .Where(LiteDB.Query.And(LiteDB.Query.GT("_id", after), LiteDB.Query.LTE("_id", lastSeq)))
            .OrderBy("_id").Limit(ReadChunk).ToList();

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
        var mapper = _db.Mapper;
        var log = _db.GetCollection(LiteDbStorage.Audit);
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

    /// <summary>
    /// One query per range of <see cref="ReadChunk"/> sequence numbers, filtered by kind inside it: the few entries of a
    /// rare kind (a mailing's ledger hash) are found without one read transaction holding the whole trail's pages.
    /// </summary>
    public IEnumerable<AuditEntry> OfKind(string kind)
    {
        var mapper = _db.Mapper;
        var log = _db.GetCollection(LiteDbStorage.Audit);
        var (_, lastSeq) = HeadAndLastSeq();
        if (lastSeq == long.MaxValue)
        {
            // A key that is not a number (only an altered file has one): no ranges to walk, so every document in turn.
            foreach (var doc in Documents().Where(d => d["Kind"] == kind))
            {
                yield return AuditDocument.TryRead(doc) ?? ToEntry(mapper, doc);
            }

            yield break;
        }

        for (var first = 1L; first <= lastSeq; first += ReadChunk)
        {
            BsonValue after = first == 1 ? BsonValue.MinValue : first - 1;
            var docs = log.Query()
                .Where(LiteDB.Query.And(LiteDB.Query.GT("_id", after), LiteDB.Query.LTE("_id", first + ReadChunk - 1), LiteDB.Query.EQ(nameof(AuditEntry.Kind), kind)))
                .OrderBy("_id").ToList();
            foreach (var doc in docs)
            {
                yield return AuditDocument.TryRead(doc) ?? ToEntry(mapper, doc);
            }
        }
    }

    public AuditVerification Verify()
    {
        var (head, lastSeq) = HeadAndLastSeq();
        var mapper = _db.Mapper;

        // Entries up to the last one present are never changed by the bot, so reading them in chunks after this
        // snapshot checks the trail as it was, while the host goes on appending.
        return StreamingChainCheck.Verify(Chunks(head?.Seq, lastSeq), doc => AuditDocument.TryRead(doc) ?? ToEntry(mapper, doc), head is null ? null : (head.Seq, head.Hash));
    }

    public AuditVerification VerifyAfter(long seq, string hash)
    {
        var (head, lastSeq) = HeadAndLastSeq();
        var mapper = _db.Mapper;
        return StreamingChainCheck.Verify(Chunks(head?.Seq, lastSeq, seq), doc => AuditDocument.TryRead(doc) ?? ToEntry(mapper, doc), head is null ? null : (head.Seq, head.Hash), (seq, hash));
    }

    /// <summary>The stored head and the highest sequence number present, from one snapshot.</summary>
    private (AuditHead? Head, long LastSeq) HeadAndLastSeq()
    {
        var db = _db;
        var own = db.BeginTrans();
        try
        {
            var head = db.GetCollection<AuditHead>(LiteDbStorage.Meta).FindById(AuditHead.Key);
            var last = db.GetCollection(LiteDbStorage.Audit).Query().OrderByDescending("_id").Limit(1).ToList();
            return (head, last.Count == 0 ? 0 : last[0]["_id"].IsNumber ? last[0]["_id"].AsInt64 : long.MaxValue);
        }
        finally
        {
            if (own)
            {
                db.Rollback();
            }
        }
    }
}
