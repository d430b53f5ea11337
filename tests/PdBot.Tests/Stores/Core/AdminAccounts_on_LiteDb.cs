namespace PdBot.Tests.Stores.Core;

public sealed class AdminAccounts_on_LiteDb : AdminAccountsContract
{
    protected override Task<CoreStores> OpenAsync() => Task.FromResult<CoreStores>(new LiteCoreStores());
}
