using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.Telegram;
using PdBot.Core.Inbox;
using PdBot.Tests.Telegram;

namespace PdBot.Tests.Security;

/// <summary>
/// The Telegram webhook against ids sent as strings (refused with a reason, nothing stored), and the inbox's cap on
/// unprocessed updates: past it 503 with Retry-After and nothing stored.
/// </summary>
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

    [Fact]
    public async Task Past_the_cap_the_webhook_answers_503_with_retry_after_and_takes_the_update_once_processing_drains()
    {
        await using var host = await TelegramTestHost.StartAsync(_telegram, _tmp.File("pdbot.db"), settings: ["--Processing:MaxUnprocessedUpdates", "2", "--Processing:RetryAfterSeconds", "7"]);
        var channel = host.Services.GetRequiredService<TelegramChannel>();
        var inbox = host.Services.GetRequiredService<IInbox>();

        // The person's turns are held, so their updates stay unprocessed.
        Assert.True(channel.Loop.TryHoldPerson("42"));
        Assert.Equal(HttpStatusCode.OK, (await host.PostUpdateAsync(FakeTelegramServer.TextUpdate(1, 42, "/start", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostUpdateAsync(FakeTelegramServer.TextUpdate(2, 42, "привет", 2))).StatusCode);

        using var refused = await host.PostUpdateAsync(FakeTelegramServer.TextUpdate(3, 42, "ещё", 3));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(2, inbox.Unprocessed(TelegramActivityMapper.Channel).Count);

        // Processing drains the backlog: Telegram's redelivery is taken.
        channel.Loop.ReleasePerson("42");
        await TelegramTestHost.Until(() => inbox.Unprocessed(TelegramActivityMapper.Channel).Count == 0, "the backlog processed");
        await TelegramTestHost.Until(() => !channel.Loop.Full, "the loop's count drained");
        using var redelivered = await host.PostUpdateAsync(FakeTelegramServer.TextUpdate(3, 42, "ещё", 3));
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
    }
}
