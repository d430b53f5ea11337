namespace PdBot.Tests.Stores.Requests;

public sealed class RequestStoreContract_on_PostgreSql : RequestStoreContract
{
    protected override async Task<IRequestStores> CreateAsync() => await RequestStoresOnPostgreSql.CreateAsync();
}
