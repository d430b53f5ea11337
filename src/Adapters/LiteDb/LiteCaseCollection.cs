using LiteDB;
using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Adapters.LiteDb;

/// <summary>
/// A console-only register (authority requests, unlawful-processing cases): numbered documents written with their
/// audit entries and outgoing messages in one transaction through the group-commit writer.
/// </summary>
public sealed class LiteCaseCollection<T>
{
    private readonly LiteDbStorage _storage;
    private readonly LiteAuditLog _audit;
    private readonly IdSequence _ids;
    private readonly string _name;
    private readonly Func<T, long> _id;

    public LiteCaseCollection(LiteDbStorage storage, LiteAuditLog audit, string name, Func<T, long> id)
    {
        ArgumentNullException.ThrowIfNull(storage);
        (_storage, _audit, _name, _id) = (storage, audit, name, id);
        _ids = new IdSequence(storage, name);
        storage.OnRollback(_ids.Forget);
    }

    public ILiteCollection<T> Collection => _storage.Database.GetCollection<T>(_name);

    public long NextId() => _ids.Next();

    public T? Find(long id) => Collection.FindById(id);

    public IReadOnlyList<T> All() => [.. Collection.FindAll().OrderByDescending(_id)];

    public Task SaveAsync(T item, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        ArgumentNullException.ThrowIfNull(audit);
        var id = _id(item);
        return _storage.Writer.WriteAsync(db =>
        {
            db.GetCollection<T>(_name).Upsert(item);
            _ids.Persist(db, id);
            LiteRequestStore.InsertOutbox(db, _storage, outgoing);
            _audit.AppendOnWriterThread(db, audit);
        });
    }
}
