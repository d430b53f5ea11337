namespace PdBot.Tests.Stores.Purposes;

public sealed class MailingStore_on_PostgreSql : MailingStoreContract
{
    protected override async Task<PurposeStores> CreateAsync() => await PgPurposeStores.CreateAsync();
}
