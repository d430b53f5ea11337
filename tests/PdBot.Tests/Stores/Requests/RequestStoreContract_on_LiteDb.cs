namespace PdBot.Tests.Stores.Requests;

public sealed class RequestStoreContract_on_LiteDb : RequestStoreContract
{
    protected override Task<IRequestStores> CreateAsync() => Task.FromResult<IRequestStores>(new RequestStoresOnLiteDb());
}
