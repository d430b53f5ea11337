namespace PdBot.Tests.Stores.Purposes;

public sealed class PatientStore_on_PostgreSql : PatientStoreContract
{
    protected override async Task<PurposeStores> CreateAsync() => await PgPurposeStores.CreateAsync();
}
