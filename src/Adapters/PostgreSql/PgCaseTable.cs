using System.Globalization;
using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// A numbered register (incidents, authority requests, unlawful-processing cases): whole documents in a table named
/// after the LiteDB collection, written with their audit entries and outgoing messages in one transaction, numbered by
/// a sequence of their own (the twin of the LiteDB store's case collection). Inside a conversation turn a save waits
/// for the turn's commit and reads in the turn see it, as with LiteDB's deferred writes.
/// </summary>
public sealed class PgCaseTable<T>
    where T : class
{
    private readonly PgStorage _storage;
    private readonly string _table;
    private readonly string _sequence;
    private readonly Func<T, long> _id;
    private readonly Action<T, long> _setId;
    private readonly Func<T, string?>? _personId;
    private readonly string _select;
    private readonly string _selectOne;
    private readonly string _upsert;

    /// <param name="storage">The database.</param>
    /// <param name="table">The table, named after the LiteDB collection (a constant of the store: never input).</param>
    /// <param name="id">The document's number.</param>
    /// <param name="setId">Gives a new document its number.</param>
    /// <param name="personId">The person a document is about, for tables with a <c>person_id</c> column; null for none.</param>
    public PgCaseTable(PgStorage storage, string table, Func<T, long> id, Action<T, long> setId, Func<T, string?>? personId)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        (_storage, _table, _sequence, _id, _setId, _personId) = (storage, table, table + "_seq", id, setId, personId);
        _select = $"SELECT doc FROM {table}";
        _selectOne = $"SELECT doc FROM {table} WHERE id = $1";
        _upsert = personId is null
            ? $"INSERT INTO {table} (id, doc) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc"
            : $"INSERT INTO {table} (id, person_id, doc) VALUES ($1, $2, $3::jsonb) ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, doc = EXCLUDED.doc";
    }

    /// <summary>The sequence that numbers the register (<c>{table}_seq</c>).</summary>
    public string Sequence => _sequence;

    public long NextId() => _storage.NextId(_sequence);

    /// <summary>The document's number.</summary>
    public long IdOf(T item) => _id(item);

    public T? Find(long id) =>
        PgTurnWrites.Current?.Written<T>(_table).FirstOrDefault(x => _id(x) == id) ?? _storage.Documents<T>(_selectOne, id).FirstOrDefault();

    /// <summary>Every document, newest (highest number) first.</summary>
    public IReadOnlyList<T> All() =>
        [.. PgTurnWrites.Overlay(_table, _storage.Documents<T>(_select), Key, _ => true).OrderByDescending(_id)];

    /// <summary>Stores <paramref name="item"/> (a new one gets the next number), the messages to send and the audit entries in one transaction.</summary>
    public Task SaveAsync(T item, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(outgoing);
        ArgumentNullException.ThrowIfNull(audit);
        if (_id(item) == 0)
        {
            _setId(item, NextId());
        }

        PgTurnWrites.Current?.Remember(_table, Key(item), item);
        return _storage.WriteAsync(
            async tx =>
            {
                await UpsertAsync(tx, item);
                await PgRequestStore.InsertOutboxAsync(tx, outgoing);
                await PgAuditLog.AppendInAsync(tx, audit);
            },
            cancellationToken);
    }

    /// <summary>Inserts or replaces the document's row inside the caller's transaction (also the copy from LiteDB).</summary>
    public Task UpsertAsync(PgTx tx, T item)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(item);
        return _personId is null
            ? tx.ExecuteAsync(_upsert, _id(item), PgDocuments.ToJson(item))
            : tx.ExecuteAsync(_upsert, _id(item), _personId(item), PgDocuments.ToJson(item));
    }

    private string Key(T item) => _id(item).ToString(CultureInfo.InvariantCulture);
}
