namespace PdBot.Tests.Stores.Purposes;

public sealed class LeadStore_on_PostgreSql : LeadStoreContract
{
    protected override async Task<PurposeStores> CreateAsync() => await PgPurposeStores.CreateAsync();
}
