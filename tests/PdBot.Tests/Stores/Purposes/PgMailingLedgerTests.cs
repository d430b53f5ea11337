using PdBot.Core.Mailings;

namespace PdBot.Tests.Stores.Purposes;

/// <summary>What PostgreSQL adds to the ledger's proof: the key is the mailing and the person, whatever id a row is given.</summary>
public sealed class PgMailingLedgerTests : IAsyncLifetime
{
    private PgPurposeStores? _stores;

    private PgPurposeStores Stores => _stores!;

    public async Task InitializeAsync() => _stores = await PgPurposeStores.CreateAsync();

    public Task DisposeAsync()
    {
        _stores?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_second_row_for_the_same_person_and_mailing_is_not_stored_even_under_another_id()
    {
        var store = Stores.Mailings;
        var mailing = new Mailing { Text = "Текст", State = MailingState.Sending, CreatedAtUtc = Stores.Now, UpdatedAtUtc = Stores.Now };
        await store.AddAsync(mailing, []);
        var row = new MailingDelivery { Id = MailingDelivery.MakeId(mailing.Id, "p1"), MailingId = mailing.Id, PersonId = "p1", Channel = "telegram" };
        var twin = new MailingDelivery { Id = "other-id", MailingId = mailing.Id, PersonId = "p1", Channel = "vk" };

        await store.AddDeliveriesAsync(mailing, [row], []);
        await store.AddDeliveriesAsync(mailing, [twin], []);

        Assert.Equal("telegram", Assert.Single(store.Deliveries(mailing.Id)).Channel);
        Assert.Equal(1L, Stores.Storage.Query("SELECT count(*) FROM mailing_ledger", r => r.GetInt64(0))[0]);
    }
}
