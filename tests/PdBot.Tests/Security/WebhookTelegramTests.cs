using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.Telegram;
using PdBot.Core.Inbox;
using PdBot.Tests.Telegram;

namespace PdBot.Tests.Security;

/// <summary>The Telegram webhook against ids sent as strings: refused with a reason, nothing stored.</summary>
public sealed class WebhookTelegramTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _tmp = new();
    private FakeTelegramServer _telegram = null!;

    public async Task InitializeAsync() => _telegram = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync() => await _telegram.DisposeAsync();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData("\"update_id\":5", "\"update_id\":\"5\"", "update_id")]
    [InlineData("\"id\":42,\"is_bot\"", "\"id\":\"42\",\"is_bot\"", "id")]
    [InlineData("\"message_id\":1", "\"message_id\":\"1\"", "message_id")]
    [InlineData("\"id\":42,\"type\"", "\"id\":\"42\",\"type\"", "id")]
    public async Task A_numeric_id_sent_as_a_string_gets_400_and_is_not_stored(string good, string bad, string field)
    {
        await using var host = await TelegramTestHost.StartAsync(_telegram, _tmp.File("pdbot.db"));
        var json = FakeTelegramServer.TextUpdate(5, 42, "/start");
        Assert.Contains(good, json, StringComparison.Ordinal);

        var response = await host.PostUpdateAsync(json.Replace(good, bad, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Services.GetRequiredService<IInbox>().Unprocessed(TelegramActivityMapper.Channel));
    }
}
