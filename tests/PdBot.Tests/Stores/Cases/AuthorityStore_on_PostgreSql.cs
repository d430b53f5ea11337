namespace PdBot.Tests.Stores.Cases;

public sealed class AuthorityStore_on_PostgreSql() : AuthorityStoreContract(new PgCaseStores());
