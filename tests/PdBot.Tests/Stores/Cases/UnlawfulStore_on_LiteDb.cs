namespace PdBot.Tests.Stores.Cases;

public sealed class UnlawfulStore_on_LiteDb() : UnlawfulStoreContract(new LiteCaseStores());
