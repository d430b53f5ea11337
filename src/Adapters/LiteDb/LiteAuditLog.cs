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

    public IEnumerable<AuditEntry> ReadAll() =>
        _storage.Database.GetCollection<AuditEntry>(LiteDbStorage.Audit).Query().OrderBy(e => e.Seq).ToEnumerable();

    public AuditVerification Verify()
    {
        var head = _storage.Database.GetCollection<AuditHead>(LiteDbStorage.Meta).FindById(AuditHead.Key);
        return AuditChain.Verify(ReadAll(), head is null ? null : (head.Seq, head.Hash));
    }
}
