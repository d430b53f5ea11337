namespace PdBot.Tests.Stores.Cases;

public sealed class IncidentStore_on_PostgreSql() : IncidentStoreContract(new PgCaseStores());
