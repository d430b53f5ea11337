using PdBot.Adapters.PostgreSql;
using PdBot.Core.Inbox;

namespace PdBot.Tests.Stores.Requests;

public sealed class InboxContract_on_PostgreSql : InboxContract
{
    protected override async Task<IRequestStores> CreateAsync() => await RequestStoresOnPostgreSql.CreateAsync();

    private PgInbox Pg => ((RequestStoresOnPostgreSql)Stores).PgInbox;

    [Fact]
    public async Task Two_hosts_storing_the_same_update_at_once_add_it_exactly_once()
    {
        // Two hosts: two connection pools on one database.
        using var other = new PgStorage(((RequestStoresOnPostgreSql)Stores).Storage.DataSource.ConnectionString);
        var hosts = new IInbox[] { Inbox, new PgInbox(other) };

        for (var n = 0; n < 20; n++)
        {
            var added = await Task.WhenAll(hosts.Select(h => Task.Run(() => h.TryAddAsync(Item($"test:{n}", T0, "test:anna")))));
            Assert.Equal(1, added.Count(a => a));
        }

        Assert.Equal(20, Inbox.Unprocessed("test").Count);
    }

    [Fact]
    public async Task A_persons_unprocessed_updates_and_the_people_waiting_are_found_by_person_key_in_order()
    {
        await Inbox.TryAddAsync(Item("test:3", T0.AddSeconds(3), "test:anna"));
        await Inbox.TryAddAsync(Item("test:1", T0.AddSeconds(1), "test:anna"));
        await Inbox.TryAddAsync(Item("test:2", T0.AddSeconds(2), "test:boris"));
        await Inbox.TryAddAsync(Item("test:0", T0, "test:vera"));
        await Inbox.TryAddAsync(Item("test:x", T0.AddSeconds(-1), null));
        await Stores.MarkProcessedAsync(Item("test:0", T0, "test:vera").Processed(T0));

        Assert.Equal(["test:1", "test:3"], Pg.UnprocessedOf("test:anna").Select(i => i.Id));
        Assert.Equal(["test:anna", "test:boris"], Pg.PersonKeysWithUnprocessed("test"));
    }
}
