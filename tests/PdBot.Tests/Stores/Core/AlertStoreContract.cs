using PdBot.Core.Alerts;
using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Tests.Stores.Core;

/// <summary>IAlertStore, written once and run on every provider.</summary>
public abstract class AlertStoreContract : CoreStoreContract
{
    protected static SystemAlert Alert(string key) => new() { Kind = AlertKinds.BackupFailed, Key = key, Text = "Резервная копия не создана.", RaisedAtUtc = CoreStores.Now };

    protected static OutboxMessage Message() =>
        new() { Channel = "telegram", ChatId = "-100", Text = "Резервная копия не создана.", Kind = "operator-alert", CreatedAtUtc = CoreStores.Now };

    protected static AuditEntry Entry(string evt) => new() { TimeUtc = CoreStores.Now, Kind = AlertEvents.Kind, Event = evt, Channel = "admin", Actor = "system" };

    [Fact]
    public async Task An_alert_is_stored_with_its_message_and_audit_entry_once_per_key()
    {
        var first = Alert("backup:1");
        await Stores.Alerts.AddAsync(first, [Message()], [Entry(AlertEvents.Raised)]);
        var again = Alert("backup:1");
        again.Text = "Снова.";
        await Stores.Alerts.AddAsync(again, [Message()], [Entry(AlertEvents.Raised)]);

        var stored = Stores.Alerts.FindByKey("backup:1")!;
        Assert.Equal((first.Id, AlertKinds.BackupFailed, "Резервная копия не создана.", CoreStores.Now, true), (stored.Id, stored.Kind, stored.Text, stored.RaisedAtUtc, stored.IsOpen));
        Assert.True(first.Id > 0);
        Assert.Equal("backup:1", Stores.Alerts.Find(first.Id)!.Key);
        Assert.Null(Stores.Alerts.Find(again.Id));
        Assert.Single(Stores.Alerts.Open());
        Assert.Equal(1, Stores.OutboxCount());
        Assert.Single(Stores.Audit.ReadAll());
        Assert.True(Stores.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task Open_alerts_come_newest_first_and_an_accepted_one_leaves_them_keeping_its_key()
    {
        await Stores.Alerts.AddAsync(Alert("a"), [], [Entry(AlertEvents.Raised)]);
        await Stores.Alerts.AddAsync(Alert("b"), [], [Entry(AlertEvents.Raised)]);
        await Stores.Alerts.AddAsync(Alert("c"), [], [Entry(AlertEvents.Raised)]);
        Assert.Equal(["c", "b", "a"], Stores.Alerts.Open().Select(a => a.Key));

        var b = Stores.Alerts.FindByKey("b")!;
        (b.AcknowledgedAtUtc, b.AcknowledgedBy) = (CoreStores.Now.AddMinutes(5), "oleg");
        await Stores.Alerts.SaveAsync(b, [Entry(AlertEvents.Acknowledged)]);
        await Stores.Alerts.AddAsync(Alert("b"), [], [Entry(AlertEvents.Raised)]);

        Assert.Equal(["c", "a"], Stores.Alerts.Open().Select(a => a.Key));
        var back = Stores.Alerts.Find(b.Id)!;
        Assert.Equal(("oleg", CoreStores.Now.AddMinutes(5), false), (back.AcknowledgedBy, back.AcknowledgedAtUtc, back.IsOpen));
        Assert.Equal([AlertEvents.Raised, AlertEvents.Raised, AlertEvents.Raised, AlertEvents.Acknowledged], Stores.Audit.ReadAll().Select(e => e.Event));
        Assert.Equal(0, Stores.OutboxCount());
    }

    [Fact]
    public async Task Inside_a_turn_an_added_alert_is_found_before_the_commit_and_stored_with_it()
    {
        var alert = Alert("poison:1");
        var turn = Stores.BeginTurn();
        using (turn)
        {
            await Stores.Alerts.AddAsync(alert, [Message()], [Entry(AlertEvents.Raised)]);
            Assert.Equal(alert.Id, Stores.Alerts.FindByKey("poison:1")!.Id);
            Assert.Equal("poison:1", Stores.Alerts.Find(alert.Id)!.Key);
        }

        Assert.Null(Stores.Alerts.FindByKey("poison:1"));
        await Stores.CommitTurnAsync(turn);

        Assert.Equal(alert.Id, Stores.Alerts.FindByKey("poison:1")!.Id);
        Assert.Equal(1, Stores.OutboxCount());
        Assert.Single(Stores.Audit.ReadAll());
    }

    [Fact]
    public async Task Alert_ids_keep_growing()
    {
        var ids = new List<long>();
        foreach (var key in new[] { "x", "y", "z" })
        {
            var alert = Alert(key);
            await Stores.Alerts.AddAsync(alert, [], []);
            ids.Add(alert.Id);
        }

        Assert.Equal(ids.Order(), ids);
        Assert.Equal(3, ids.Distinct().Count());
    }
}
