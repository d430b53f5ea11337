namespace PdBot.Tests.Stores.Requests;

public sealed class OutboxContract_on_PostgreSql : OutboxContract
{
    protected override async Task<IRequestStores> CreateAsync() => await RequestStoresOnPostgreSql.CreateAsync();
}
