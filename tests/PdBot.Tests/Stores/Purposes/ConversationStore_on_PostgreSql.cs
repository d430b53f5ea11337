namespace PdBot.Tests.Stores.Purposes;

public sealed class ConversationStore_on_PostgreSql : ConversationStoreContract
{
    protected override async Task<PurposeStores> CreateAsync() => await PgPurposeStores.CreateAsync();
}
