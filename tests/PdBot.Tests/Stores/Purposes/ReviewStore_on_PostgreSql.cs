namespace PdBot.Tests.Stores.Purposes;

public sealed class ReviewStore_on_PostgreSql : ReviewStoreContract
{
    protected override async Task<PurposeStores> CreateAsync() => await PgPurposeStores.CreateAsync();
}
