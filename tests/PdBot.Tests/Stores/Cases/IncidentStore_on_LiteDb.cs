namespace PdBot.Tests.Stores.Cases;

public sealed class IncidentStore_on_LiteDb() : IncidentStoreContract(new LiteCaseStores());
