using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Inbox;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Tests.Stores.Requests;

/// <summary>The LiteDB stores on a file of their own.</summary>
public sealed class RequestStoresOnLiteDb : IRequestStores
{
    private readonly TempFolder _tmp = new();
    private readonly LiteInbox _inbox;
    private readonly LiteRequestStore _requests;
    private readonly LiteAuditLog _audit;

    public RequestStoresOnLiteDb()
    {
        Storage = new LiteDbStorage(new StorageOptions { Path = _tmp.File("requests.db") });
        _inbox = new LiteInbox(Storage);
        _audit = new LiteAuditLog(Storage);
        _requests = new LiteRequestStore(Storage, _audit, [_inbox]);
    }

    public LiteDbStorage Storage { get; }

    public IInbox Inbox => _inbox;

    public IRequestStore Requests => _requests;

    public IOutbox Outbox => _requests;

    public IAuditLog Audit => _audit;

    public Task SavePersonAsync(Person person, params ConsentRecord[] consents) => Storage.Writer.WriteAsync(db =>
    {
        db.GetCollection<Person>(LiteDbStorage.People).Upsert(person);
        db.GetCollection<ConsentRecord>(LiteDbStorage.Consents).Upsert(consents);
    });

    public Person? FindPerson(string id) => Storage.Database.GetCollection<Person>(LiteDbStorage.People).FindById(id);

    public async Task MarkProcessedAsync(params InboxItem[] items)
    {
        var turns = new LiteTurnTransactions(Storage);
        using var turn = turns.Begin();
        await turns.CommitAsync(turn, items, [], default);
    }

    public Task EraseInboxAsync(PersonErasure erasure) => Storage.Writer.WriteAsync(db => _inbox.EraseOnWriterThread(db, erasure));

    public string? StoredInboxDocument(string id) =>
        Storage.Database.GetCollection(LiteInbox.Collection).FindById(id) is { } doc ? LiteDB.JsonSerializer.Serialize(doc) : null;

    public IReadOnlyList<string> StoredInboxIds() =>
        [.. Storage.Database.GetCollection<InboxItem>(LiteInbox.Collection).FindAll().Select(i => i.Id).Order(StringComparer.Ordinal)];

    public IDisposable BeginTurn() => GroupCommitWriter.BeginDeferred();

    public Task CommitTurnAsync(IDisposable turn) => new LiteTurnTransactions(Storage).CommitAsync(turn, [], Array.Empty<OutboxMessage>(), default);

    public void Dispose()
    {
        Storage.Dispose();
        _tmp.Dispose();
    }
}
