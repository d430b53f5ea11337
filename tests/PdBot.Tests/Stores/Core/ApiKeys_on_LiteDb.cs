namespace PdBot.Tests.Stores.Core;

public sealed class ApiKeys_on_LiteDb : ApiKeysContract
{
    protected override Task<CoreStores> OpenAsync() => Task.FromResult<CoreStores>(new LiteCoreStores());
}
