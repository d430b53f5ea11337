namespace PdBot.Tests.Stores.Core;

public sealed class AdminAccounts_on_PostgreSql : AdminAccountsContract
{
    protected override async Task<CoreStores> OpenAsync() => await PgCoreStores.CreateAsync();
}
