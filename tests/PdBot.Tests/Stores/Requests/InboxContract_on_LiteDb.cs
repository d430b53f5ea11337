namespace PdBot.Tests.Stores.Requests;

public sealed class InboxContract_on_LiteDb : InboxContract
{
    protected override Task<IRequestStores> CreateAsync() => Task.FromResult<IRequestStores>(new RequestStoresOnLiteDb());
}
