namespace PdBot.Tests.Stores.Cases;

public sealed class AuthorityStore_on_LiteDb() : AuthorityStoreContract(new LiteCaseStores());
