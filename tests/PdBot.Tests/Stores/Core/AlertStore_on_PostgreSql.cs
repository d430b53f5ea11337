using PdBot.Core.Alerts;

namespace PdBot.Tests.Stores.Core;

public sealed class AlertStore_on_PostgreSql : AlertStoreContract
{
    protected override async Task<CoreStores> OpenAsync() => await PgCoreStores.CreateAsync();

    [Fact]
    public async Task Two_hosts_raising_one_key_at_once_store_one_alert_one_message_and_one_audit_entry()
    {
        var one = (PgCoreStores)Stores;
        using var two = one.SecondHost();
        for (var round = 0; round < 10; round++)
        {
            var key = $"lockout:{round}";
            await Task.WhenAll(
                Task.Run(() => one.Alerts.AddAsync(Alert(key), [Message()], [Entry(AlertEvents.Raised)])),
                Task.Run(() => two.Alerts.AddAsync(Alert(key), [Message()], [Entry(AlertEvents.Raised)])));
        }

        Assert.Equal(10, one.Alerts.Open().Count);
        Assert.Equal(10, two.Alerts.Open().Select(a => a.Key).Distinct().Count());
        Assert.Equal(10, one.OutboxCount());
        Assert.Equal(10, one.Audit.ReadAll().Count());
        Assert.True(one.Audit.Verify().IsIntact);
    }
}
