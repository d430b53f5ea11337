namespace PdBot.Tests.Stores.Requests;

public sealed class OutboxContract_on_LiteDb : OutboxContract
{
    protected override Task<IRequestStores> CreateAsync() => Task.FromResult<IRequestStores>(new RequestStoresOnLiteDb());
}
