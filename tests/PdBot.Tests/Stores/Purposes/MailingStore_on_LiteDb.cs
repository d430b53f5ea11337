namespace PdBot.Tests.Stores.Purposes;

public sealed class MailingStore_on_LiteDb : MailingStoreContract
{
    protected override Task<PurposeStores> CreateAsync() => Task.FromResult<PurposeStores>(new LitePurposeStores());
}
