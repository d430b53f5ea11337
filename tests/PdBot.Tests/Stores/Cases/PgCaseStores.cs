using PdBot.Adapters.PostgreSql;
using PdBot.Core.Audit;
using PdBot.Core.Authority;
using PdBot.Core.Incidents;
using PdBot.Core.Unlawful;
using PdBot.Tests.PostgreSql;

namespace PdBot.Tests.Stores.Cases;

/// <summary>The case stores on a fresh, migrated PostgreSQL database of their own.</summary>
public sealed class PgCaseStores : CaseStores
{
    private readonly string _connection = PgServer.CreateDatabase();
    private PgStorage _storage = null!;
    private PgIncidentStore _incidents = null!;
    private PgAuthorityStore _authority = null!;
    private PgUnlawfulStore _unlawful = null!;
    private PgAuditLog _audit = null!;

    public PgCaseStores()
    {
        Open();
        new PgMigrator(_storage).MigrateAsync().GetAwaiter().GetResult();
    }

    public PgStorage Storage => _storage;

    public override IIncidentStore Incidents => _incidents;

    public override IAuthorityStore Authority => _authority;

    public override IUnlawfulStore Unlawful => _unlawful;

    public override IAuditLog Audit => _audit;

    /// <summary>The copy target of these stores (the LiteDB → PostgreSQL move).</summary>
    public PgCaseCopy Copy => new(_incidents, _authority, _unlawful);

    public override IDisposable BeginTurn() => PgTurnWrites.Begin();

    public override Task CommitTurnAsync(IDisposable turn) => _storage.CommitNowAsync(((PgTurnWrites)turn).ApplyAsync);

    public override void Reopen()
    {
        _storage.Dispose();
        Open();
    }

    public override void Dispose() => _storage.Dispose();

    private void Open()
    {
        _storage = new PgStorage(_connection);
        _audit = new PgAuditLog(_storage);
        (_incidents, _authority, _unlawful) = (new PgIncidentStore(_storage), new PgAuthorityStore(_storage), new PgUnlawfulStore(_storage));
    }
}
