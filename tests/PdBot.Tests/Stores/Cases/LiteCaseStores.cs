using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;
using PdBot.Core.Authority;
using PdBot.Core.Incidents;
using PdBot.Core.Unlawful;

namespace PdBot.Tests.Stores.Cases;

/// <summary>The case stores on a LiteDB file in a temp folder.</summary>
public sealed class LiteCaseStores : CaseStores
{
    private readonly TempFolder _tmp = new();
    private LiteDbStorage _storage = null!;
    private LiteAuditLog _audit = null!;
    private IIncidentStore _incidents = null!;
    private IAuthorityStore _authority = null!;
    private IUnlawfulStore _unlawful = null!;

    public LiteCaseStores() => Open();

    public string Path => _tmp.File("pdbot.db");

    public LiteDbStorage Storage => _storage;

    public override IIncidentStore Incidents => _incidents;

    public override IAuthorityStore Authority => _authority;

    public override IUnlawfulStore Unlawful => _unlawful;

    public override IAuditLog Audit => _audit;

    public override IDisposable BeginTurn() => GroupCommitWriter.BeginDeferred();

    public override Task CommitTurnAsync(IDisposable turn) => _storage.Writer.CommitNowAsync(db => ((DeferredWrites)turn).ApplyOnWriterThread(db));

    public override void Reopen()
    {
        _storage.Dispose();
        Open();
    }

    public override void Dispose()
    {
        _storage.Dispose();
        _tmp.Dispose();
    }

    private void Open()
    {
        _storage = new LiteDbStorage(new StorageOptions { Path = Path });
        _audit = new LiteAuditLog(_storage);
        (_incidents, _authority, _unlawful) = (new LiteIncidentStore(_storage, _audit), new LiteAuthorityStore(_storage, _audit), new LiteUnlawfulStore(_storage, _audit));
    }
}
