namespace PdBot.Tests.Stores.Core;

public sealed class ApiKeys_on_PostgreSql : ApiKeysContract
{
    protected override async Task<CoreStores> OpenAsync() => await PgCoreStores.CreateAsync();
}
