using PdBot.Adapters.PostgreSql;
using PdBot.Core.Admin;
using PdBot.Core.Alerts;
using PdBot.Core.ApiKeys;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Tests.PostgreSql;

namespace PdBot.Tests.Stores.Core;

/// <summary>The core stores on a fresh PostgreSQL database, migrated.</summary>
public sealed class PgCoreStores : CoreStores
{
    private PgCoreStores(PgStorage storage)
    {
        Storage = storage;
        AuditLog = new PgAuditLog(storage);
        Consents = new PgConsentStore(storage, TimeProvider.System);
        Admins = new PgAdminAccounts(storage);
        ApiKeys = new PgApiKeys(storage);
        Alerts = new PgAlertStore(storage);
    }

    public PgStorage Storage { get; }

    public PgAuditLog AuditLog { get; }

    public override IConsentStore Consents { get; }

    public override IAuditLog Audit => AuditLog;

    public override IAdminAccounts Admins { get; }

    public override IApiKeyStore ApiKeys { get; }

    public override IAlertStore Alerts { get; }

    public static async Task<PgCoreStores> CreateAsync()
    {
        var storage = new PgStorage(PgServer.CreateDatabase());
        await new PgMigrator(storage).MigrateAsync();
        return new PgCoreStores(storage);
    }

    /// <summary>A second host on the same database: its own connection pool and stores.</summary>
    public PgCoreStores SecondHost() => new(new PgStorage(Storage.DataSource.ConnectionString));

    public override IDisposable BeginTurn() => PgTurnWrites.Begin();

    public override Task CommitTurnAsync(IDisposable turn) => Storage.CommitNowAsync(((PgTurnWrites)turn).ApplyAsync);

    public override int OutboxCount() => Storage.Query("SELECT count(*) FROM outbox", r => (int)r.GetInt64(0))[0];

    protected override void Dispose(bool disposing) => Storage.Dispose();
}
