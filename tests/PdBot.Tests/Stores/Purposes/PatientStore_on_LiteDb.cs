namespace PdBot.Tests.Stores.Purposes;

public sealed class PatientStore_on_LiteDb : PatientStoreContract
{
    protected override Task<PurposeStores> CreateAsync() => Task.FromResult<PurposeStores>(new LitePurposeStores());
}
