namespace PdBot.Tests.Stores.Purposes;

public sealed class ReviewStore_on_LiteDb : ReviewStoreContract
{
    protected override Task<PurposeStores> CreateAsync() => Task.FromResult<PurposeStores>(new LitePurposeStores());
}
