namespace PdBot.Tests.Stores.Purposes;

public sealed class ConversationStore_on_LiteDb : ConversationStoreContract
{
    protected override Task<PurposeStores> CreateAsync() => Task.FromResult<PurposeStores>(new LitePurposeStores());
}
