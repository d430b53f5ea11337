using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PdBot.Adapters.Processing;
using PdBot.Bot.Conversation.Unsubscribe;
using PdBot.Core.Alerts;
using PdBot.Core.Inbox;
using PdBot.Core.Turns;
using PdBot.Tests.Processing;

namespace PdBot.Tests.Alerts;

public sealed class PoisonUpdateAlertTests : IDisposable
{
    private const string Secret = "Мой диагноз — гипертония, телефон +7 900 123-45-67";
    private readonly PdBotTestHost _host = new(AdminChat.Settings());
    private readonly ChannelLoop _loop;

    public PoisonUpdateAlertTests()
    {
        var bot = new RecordingBot(_host.Bot, a => a.Text == Secret);
        _loop = new ChannelLoop("test", _host.Services.GetRequiredService<IInbox>(), _host.Services.GetRequiredService<ITurnTransactions>(), bot, new WithdrawalRecognizer(),
            item => JsonSerializer.Deserialize<Activity>(item.Payload), _ => { }, new ProcessingOptions { Workers = 1 }, _host.Clock, NullLogger.Instance,
            _host.Services.GetRequiredService<AlertBoard>());
    }

    public void Dispose()
    {
        _loop.Dispose();
        _host.Dispose();
    }

    private async Task SayAsync(string messageId, string text)
    {
        var activity = Activity.Message("test", "anna", text, messageId);
        var item = new InboxItem { Id = "test:" + messageId, Channel = "test", Payload = JsonSerializer.Serialize(activity), ReceivedAtUtc = _host.Clock.GetUtcNow().UtcDateTime };
        Assert.True(await _loop.IngestAsync(item, activity, default));
    }

    private async Task RunThroughRetriesAsync()
    {
        await _loop.RunOnceAsync(default);
        for (var i = 0; i < 6; i++)
        {
            _host.Clock.Advance(TimeSpan.FromSeconds(30));
            await _loop.RunOnceAsync(default);
        }
    }

    [Fact]
    public async Task An_update_set_aside_raises_an_alert_with_its_channel_and_key_and_none_of_its_content()
    {
        await SayAsync("m-1", "/start");
        await SayAsync("m-2", Secret);
        await RunThroughRetriesAsync();

        Assert.Equal(1, _loop.SetAsideCount);
        var alert = Assert.Single(AdminChat.Open(_host.Services));
        Assert.Equal((AlertKinds.PoisonUpdate, "poison:test:m-2"), (alert.Kind, alert.Key));
        Assert.Contains("Обновление test:m-2 канала «test»", alert.Text, StringComparison.Ordinal);
        Assert.Contains("попыток: 3, ошибка InvalidOperationException", alert.Text, StringComparison.Ordinal);
        var message = Assert.Single(AdminChat.Messages(_host.Services));
        Assert.All(new[] { alert.Text, message.Text }, text =>
        {
            Assert.DoesNotContain("гипертония", text, StringComparison.Ordinal);
            Assert.DoesNotContain("900", text, StringComparison.Ordinal);
            Assert.DoesNotContain("anna", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Updates_that_go_through_raise_nothing()
    {
        await SayAsync("m-1", "/start");
        await SayAsync("m-2", "Здравствуйте");
        await RunThroughRetriesAsync();

        Assert.Equal(0, _loop.SetAsideCount);
        Assert.Empty(AdminChat.Open(_host.Services));
    }
}
