namespace PdBot.Tests.Stores.Cases;

public sealed class UnlawfulStore_on_PostgreSql() : UnlawfulStoreContract(new PgCaseStores());
