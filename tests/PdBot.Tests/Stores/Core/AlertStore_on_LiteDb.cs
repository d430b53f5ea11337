namespace PdBot.Tests.Stores.Core;

public sealed class AlertStore_on_LiteDb : AlertStoreContract
{
    protected override Task<CoreStores> OpenAsync() => Task.FromResult<CoreStores>(new LiteCoreStores());
}
