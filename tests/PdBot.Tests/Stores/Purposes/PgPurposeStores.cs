using PdBot.Adapters.PostgreSql;
using PdBot.Core.Audit;
using PdBot.Core.Conversations;
using PdBot.Core.Leads;
using PdBot.Core.Mailings;
using PdBot.Core.Outbox;
using PdBot.Core.Patients;
using PdBot.Core.Requests;
using PdBot.Core.Reviews;
using PdBot.Tests.PostgreSql;

namespace PdBot.Tests.Stores.Purposes;

/// <summary>The PostgreSQL purpose stores over a fresh, migrated database.</summary>
public sealed class PgPurposeStores : PurposeStores
{
    private readonly PgAuditLog _audit;
    private readonly List<PgStorage> _hosts = [];

    private PgPurposeStores(PgStorage storage)
    {
        Storage = storage;
        _audit = new PgAuditLog(storage);
        Conversations = new PgConversationStore(storage);
        Leads = new PgLeadStore(storage, Clock);
        Reviews = new PgReviewStore(storage);
        Patients = new PgPatientStore(storage);
        Mailings = new PgMailingStore(storage);
    }

    public static async Task<PgPurposeStores> CreateAsync()
    {
        var storage = new PgStorage(PgServer.CreateDatabase());
        await new PgMigrator(storage).MigrateAsync();
        return new PgPurposeStores(storage);
    }

    public PgStorage Storage { get; }

    public override IConversationStore Conversations { get; }

    public override ILeadStore Leads { get; }

    public override IReviewStore Reviews { get; }

    public override IPatientStore Patients { get; }

    public override IMailingStore Mailings { get; }

    public override IAuditLog Audit => _audit;

    /// <summary>A store with a connection pool of its own, as another host's.</summary>
    public override IMailingStore SecondHostMailings()
    {
        var host = new PgStorage(Storage.DataSource.ConnectionString);
        _hosts.Add(host);
        return new PgMailingStore(host);
    }

    public override IReadOnlyList<OutboxMessage> Outbox() => Storage.Documents<OutboxMessage>("SELECT doc FROM outbox ORDER BY id");

    public override IDisposable BeginTurn() => PgTurnWrites.Begin();

    public override Task CommitTurnAsync(IDisposable turn) => Storage.CommitNowAsync(((PgTurnWrites)turn).ApplyAsync);

    public override Task EraseAsync(object store, PersonErasure erasure) =>
        Storage.CommitNowAsync(tx => ((IPgPersonDataEraser)store).EraseAsync(tx, erasure));

    protected override void Dispose(bool disposing)
    {
        _hosts.ForEach(h => h.Dispose());
        Storage.Dispose();
    }
}
