using PdBot.Adapters.LiteDb;
using PdBot.Core.Admin;
using PdBot.Core.Alerts;
using PdBot.Core.ApiKeys;
using PdBot.Core.Audit;
using PdBot.Core.Consent;

namespace PdBot.Tests.Stores.Core;

/// <summary>The core stores on a LiteDB file in a temporary folder.</summary>
public sealed class LiteCoreStores : CoreStores
{
    private readonly TempFolder _tmp = new();

    public LiteCoreStores()
    {
        Storage = new LiteDbStorage(new StorageOptions { Path = _tmp.File("pdbot.db") });
        var audit = new LiteAuditLog(Storage);
        Audit = audit;
        Consents = new LiteConsentStore(Storage, audit, TimeProvider.System);
        Admins = new LiteAdminAccounts(Storage, audit);
        ApiKeys = new LiteApiKeys(Storage, audit);
        Alerts = new LiteAlertStore(Storage, audit);
    }

    public LiteDbStorage Storage { get; }

    public override IConsentStore Consents { get; }

    public override IAuditLog Audit { get; }

    public override IAdminAccounts Admins { get; }

    public override IApiKeyStore ApiKeys { get; }

    public override IAlertStore Alerts { get; }

    public override IDisposable BeginTurn() => GroupCommitWriter.BeginDeferred();

    public override Task CommitTurnAsync(IDisposable turn) => Storage.Writer.CommitNowAsync(((DeferredWrites)turn).ApplyOnWriterThread);

    public override int OutboxCount() => Storage.Database.GetCollection(LiteRequestStore.Outbox).Count();

    protected override void Dispose(bool disposing)
    {
        Storage.Dispose();
        _tmp.Dispose();
    }
}
