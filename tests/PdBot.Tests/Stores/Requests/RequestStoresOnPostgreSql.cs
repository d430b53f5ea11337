using PdBot.Adapters.PostgreSql;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Inbox;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Requests;
using PdBot.Tests.PostgreSql;

namespace PdBot.Tests.Stores.Requests;

/// <summary>The PostgreSQL stores on a fresh database of their own, migrated.</summary>
public sealed class RequestStoresOnPostgreSql : IRequestStores
{
    private readonly PgInbox _inbox;
    private readonly PgRequestStore _requests;
    private readonly PgAuditLog _audit;

    private RequestStoresOnPostgreSql(PgStorage storage)
    {
        Storage = storage;
        _inbox = new PgInbox(storage);
        _audit = new PgAuditLog(storage);
        _requests = new PgRequestStore(storage, [_inbox]);
    }

    public PgStorage Storage { get; }

    public PgInbox PgInbox => _inbox;

    public IInbox Inbox => _inbox;

    public IRequestStore Requests => _requests;

    public IOutbox Outbox => _requests;

    public IAuditLog Audit => _audit;

    public static async Task<RequestStoresOnPostgreSql> CreateAsync(string? connectionString = null)
    {
        var storage = new PgStorage(connectionString ?? PgServer.CreateDatabase());
        await new PgMigrator(storage).MigrateAsync();
        return new RequestStoresOnPostgreSql(storage);
    }

    public Task SavePersonAsync(Person person, params ConsentRecord[] consents) => Storage.CommitNowAsync(async tx =>
    {
        await PgConsentStore.UpsertPersonAsync(tx, person);
        await PgConsentStore.UpsertConsentsAsync(tx, consents);
    });

    public Person? FindPerson(string id) => Storage.Documents<Person>("SELECT doc FROM people WHERE id = $1", id).FirstOrDefault();

    public Task MarkProcessedAsync(params InboxItem[] items) => Storage.CommitNowAsync(async tx =>
    {
        foreach (var item in items)
        {
            await PgInbox.UpdateAsync(tx, item.Stripped());
        }
    });

    public Task EraseInboxAsync(PersonErasure erasure) => Storage.CommitNowAsync(tx => _inbox.EraseAsync(tx, erasure));

    public string? StoredInboxDocument(string id) =>
        Storage.Query("SELECT doc::text FROM inbox WHERE id = $1", r => r.GetString(0), id).FirstOrDefault();

    public IReadOnlyList<string> StoredInboxIds() => Storage.Query("SELECT id FROM inbox ORDER BY id", r => r.GetString(0));

    public IDisposable BeginTurn() => PgTurnWrites.Begin();

    public Task CommitTurnAsync(IDisposable turn) => Storage.CommitNowAsync(((PgTurnWrites)turn).ApplyAsync);

    public void Dispose() => Storage.Dispose();
}
