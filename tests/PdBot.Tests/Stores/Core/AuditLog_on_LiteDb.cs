namespace PdBot.Tests.Stores.Core;

public sealed class AuditLog_on_LiteDb : AuditLogContract
{
    protected override Task<CoreStores> OpenAsync() => Task.FromResult<CoreStores>(new LiteCoreStores());
}
