namespace PdBot.Tests.Stores.Core;

public sealed class ConsentStore_on_PostgreSql : ConsentStoreContract
{
    protected override async Task<CoreStores> OpenAsync() => await PgCoreStores.CreateAsync();
}
