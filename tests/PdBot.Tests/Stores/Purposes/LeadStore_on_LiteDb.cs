namespace PdBot.Tests.Stores.Purposes;

public sealed class LeadStore_on_LiteDb : LeadStoreContract
{
    protected override Task<PurposeStores> CreateAsync() => Task.FromResult<PurposeStores>(new LitePurposeStores());
}
