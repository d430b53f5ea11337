namespace PdBot.Tests.Stores.Core;

public sealed class ConsentStore_on_LiteDb : ConsentStoreContract
{
    protected override Task<CoreStores> OpenAsync() => Task.FromResult<CoreStores>(new LiteCoreStores());
}
