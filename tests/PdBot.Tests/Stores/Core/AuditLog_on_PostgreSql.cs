namespace PdBot.Tests.Stores.Core;

public sealed class AuditLog_on_PostgreSql : AuditLogContract
{
    protected override async Task<CoreStores> OpenAsync() => await PgCoreStores.CreateAsync();
}
