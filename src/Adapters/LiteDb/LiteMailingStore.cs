using LiteDB;
using PdBot.Core.Audit;
using PdBot.Core.Mailings;

namespace PdBot.Adapters.LiteDb;

/// <summary>Mailings and their delivery ledgers in LiteDB; writes go through the group-commit writer.</summary>
public sealed class LiteMailingStore : IMailingStore
{
    public const string Mailings = "mailings";
    public const string Ledger = "mailing_ledger";

    private readonly LiteDbStorage _storage;
    private readonly LiteAuditLog _audit;
    private readonly Lock _idLock = new();
    private long _lastId = -1;

    public LiteMailingStore(LiteDbStorage storage, LiteAuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(storage);
        (_storage, _audit) = (storage, audit);
        EnsureIndexes(storage.Database);
    }

    private ILiteCollection<Mailing> MailingCollection => _storage.Database.GetCollection<Mailing>(Mailings);

    private ILiteCollection<MailingDelivery> LedgerCollection => _storage.Database.GetCollection<MailingDelivery>(Ledger);

    public static void EnsureIndexes(LiteDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.GetCollection<Mailing>(Mailings).EnsureIndex(m => m.State);
        db.GetCollection<MailingDelivery>(Ledger).EnsureIndex(r => r.MailingId);
        db.GetCollection<MailingDelivery>(Ledger).EnsureIndex(r => r.PersonId);
    }

    public long NextId()
    {
        lock (_idLock)
        {
            if (_lastId < 0)
            {
                _lastId = MailingCollection.Count() == 0 ? 0 : MailingCollection.Max(m => m.Id);
            }

            return ++_lastId;
        }
    }

    public Task AddAsync(Mailing mailing, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        ArgumentNullException.ThrowIfNull(entries);
        if (mailing.Id <= 0)
        {
            mailing.Id = NextId();
        }

        return _storage.Writer.WriteAsync(db =>
        {
            db.GetCollection<Mailing>(Mailings).Insert(mailing);
            _audit.AppendOnWriterThread(db, entries);
        });
    }

    public Task SaveAsync(Mailing mailing, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        ArgumentNullException.ThrowIfNull(entries);
        return _storage.Writer.WriteAsync(db =>
        {
            db.GetCollection<Mailing>(Mailings).Upsert(mailing);
            _audit.AppendOnWriterThread(db, entries);
        });
    }

    public Mailing? Find(long id) => MailingCollection.FindById(id);

    public IReadOnlyList<Mailing> All() => [.. MailingCollection.FindAll().OrderByDescending(m => m.Id)];

    public IReadOnlyList<Mailing> InStates(params MailingState[] states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return [.. states.SelectMany(s => MailingCollection.Find(BsonExpression.Create("$.State = @0", s.ToString()))).OrderBy(m => m.Id)];
    }

    public Task AddDeliveriesAsync(Mailing mailing, IReadOnlyList<MailingDelivery> rows, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(entries);
        return _storage.Writer.WriteAsync(db =>
        {
            var ledger = db.GetCollection<MailingDelivery>(Ledger);
            foreach (var row in rows)
            {
                if (ledger.FindById(row.Id) is null)
                {
                    ledger.Insert(row);
                }
            }

            db.GetCollection<Mailing>(Mailings).Upsert(mailing);
            _audit.AppendOnWriterThread(db, entries);
        });
    }

    public Task SaveDeliveriesAsync(IReadOnlyList<MailingDelivery> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Count == 0 ? Task.CompletedTask : _storage.Writer.WriteAsync(db => db.GetCollection<MailingDelivery>(Ledger).Upsert(rows));
    }

    public IReadOnlyList<MailingDelivery> Deliveries(long mailingId, MailingDeliveryState? state = null)
    {
        var rows = LedgerCollection.Find(BsonExpression.Create("$.MailingId = @0", mailingId));
        return [.. (state is { } s ? rows.Where(r => r.State == s) : rows).OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    public MailingDelivery? FindDelivery(long mailingId, string personId) => LedgerCollection.FindById(MailingDelivery.MakeId(mailingId, personId));

    public IReadOnlyList<MailingDelivery> DeliveriesOfPerson(string personId) =>
        [.. LedgerCollection.Find(BsonExpression.Create("$.PersonId = @0", personId)).OrderBy(r => r.MailingId)];
}
