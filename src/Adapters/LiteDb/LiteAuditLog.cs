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

    public AuditVerification Verify()
    {
        var head = _storage.Database.GetCollection<AuditHead>(LiteDbStorage.Meta).FindById(AuditHead.Key);
        return AuditChain.Verify(ReadAll(), head is null ? null : (head.Seq, head.Hash));
    }
}
