using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Alerts;
using PdBot.Core.Audit;
using PdBot.Core.Outbox;

namespace PdBot.Tests.Alerts;

public sealed class AlertBoardTests : IDisposable
{
    private readonly PdBotTestHost _host = new(AdminChat.Settings());

    public void Dispose() => _host.Dispose();

    private AlertBoard Board => _host.Services.GetRequiredService<AlertBoard>();

    private List<AuditEntry> AlertEntries() => [.. _host.Audit.ReadAll().Where(e => e.Kind == AlertEvents.Kind)];

    [Fact]
    public async Task An_alert_is_stored_sent_to_the_admin_chat_and_audited_once_per_key()
    {
        var first = await Board.RaiseAsync(AlertKinds.BackupFailed, "backup:2026-11-23", "Резервная копия за 23.11.2026 не создана.");
        var again = await Board.RaiseAsync(AlertKinds.BackupFailed, "backup:2026-11-23", "Резервная копия за 23.11.2026 не создана (снова).");

        Assert.True(first);
        Assert.False(again);
        var alert = Assert.Single(AdminChat.Open(_host.Services));
        Assert.Equal((AlertKinds.BackupFailed, "backup:2026-11-23", "Резервная копия за 23.11.2026 не создана."), (alert.Kind, alert.Key, alert.Text));
        Assert.Equal(_host.Clock.GetUtcNow().UtcDateTime, alert.RaisedAtUtc);
        var message = Assert.Single(AdminChat.Messages(_host.Services));
        Assert.Equal(alert.Text, message.Text);
        var entry = Assert.Single(AlertEntries());
        Assert.Equal((AlertEvents.Raised, "system"), (entry.Event, entry.Actor));
        Assert.Contains(alert.Text, entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_raises_of_one_key_store_one_alert()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Board.RaiseAsync(AlertKinds.Lockout, "lockout:x", "Учётная запись заблокирована."))));

        Assert.Single(results, r => r);
        Assert.Single(AdminChat.Open(_host.Services));
        Assert.Single(AdminChat.Messages(_host.Services));
    }

    [Fact]
    public async Task An_accepted_alert_leaves_the_board_is_audited_with_who_accepted_it_and_its_key_stays_used()
    {
        await Board.RaiseAsync(AlertKinds.PoisonUpdate, "poison:test:1", "Обновление отложено.");
        var id = Assert.Single(Board.Open()).Id;
        _host.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await Board.AcknowledgeAsync(id, "oleg"));
        Assert.False(await Board.AcknowledgeAsync(id, "anna"));
        Assert.False(await Board.RaiseAsync(AlertKinds.PoisonUpdate, "poison:test:1", "Обновление отложено."));

        Assert.Empty(Board.Open());
        var stored = _host.Services.GetRequiredService<IAlertStore>().Find(id)!;
        Assert.Equal(("oleg", _host.Clock.GetUtcNow().UtcDateTime), (stored.AcknowledgedBy, stored.AcknowledgedAtUtc));
        Assert.Equal([(AlertEvents.Raised, "system"), (AlertEvents.Acknowledged, "oleg")], AlertEntries().Select(e => (e.Event, e.Actor)));
    }

    [Fact]
    public async Task Alerts_survive_a_restart_and_a_raised_key_is_still_known_after_it()
    {
        await Board.RaiseAsync(AlertKinds.SignInBurst, "signin-burst:1", "Много неудачных попыток входа.");

        _host.Restart();

        Assert.False(await Board.RaiseAsync(AlertKinds.SignInBurst, "signin-burst:1", "Много неудачных попыток входа."));
        Assert.True(await Board.RaiseAsync(AlertKinds.SignInBurst, "signin-burst:2", "Много неудачных попыток входа."));
        Assert.Equal(["signin-burst:2", "signin-burst:1"], Board.Open().Select(a => a.Key));
        Assert.Equal(2, Board.Open().Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public async Task Without_an_admin_chat_the_alert_is_still_on_the_board()
    {
        using var host = new PdBotTestHost();

        Assert.True(await host.Services.GetRequiredService<AlertBoard>().RaiseAsync(AlertKinds.ChainBroken, "chain-broken:1", "Нарушена цепочка."));

        Assert.Single(AdminChat.Open(host.Services));
        var outbox = host.Services.GetRequiredService<IOutbox>();
        Assert.DoesNotContain(outbox.Pending("telegram").Concat(outbox.Pending("vk")), m => m.Kind == OutboxKind.OperatorAlert);
    }
}
