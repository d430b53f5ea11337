using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.LiteDb;
using PdBot.Adapters.Telegram;
using PdBot.Core.Audit;
using PdBot.Core.Inbox;
using static PdBot.Tests.Telegram.FakeTelegramServer;
using static PdBot.Tests.Telegram.TelegramTestHost;

namespace PdBot.Tests.Telegram;

public sealed class TelegramChannelTests : IAsyncLifetime, IDisposable
{
    private const long User = 5550001;
    private readonly TempFolder _tmp = new();
    private FakeTelegramServer _telegram = null!;

    private string Db => _tmp.File("pdbot.db");

    public async Task InitializeAsync() => _telegram = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync() => await _telegram.DisposeAsync();

    public void Dispose() => _tmp.Dispose();

    private static string? Button(RecordedCall call, int row) =>
        call.Body.TryGetProperty("reply_markup", out var m) ? m.GetProperty("inline_keyboard")[row][0].GetProperty("text").GetString() : null;

    private static string Data(RecordedCall call, int row) =>
        call.Body.GetProperty("reply_markup").GetProperty("inline_keyboard")[row][0].GetProperty("callback_data").GetString()!;

    private async Task GiveConsentAsync(TelegramTestHost host, Func<string, Task> deliver)
    {
        await deliver(TextUpdate(1, User, "/start"));
        await Until(() => _telegram.CallsTo("sendMessage").Count == 1, "the consent prompt");
        var prompt = _telegram.CallsTo("sendMessage")[0];
        Assert.Equal("☐ Согласен(на) на рассылку", Button(prompt, 0));
        var promptId = 1000;

        await deliver(CallbackUpdate(2, User, Data(prompt, 1), promptId, "cb-send-early"));
        await Until(() => _telegram.CallsTo("answerCallbackQuery").Count == 1, "the hint for send without tick");
        Assert.Contains("Сначала отметьте", _telegram.CallsTo("answerCallbackQuery")[0].Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.ConsentEvents(AuditEvents.Given));

        await deliver(CallbackUpdate(3, User, Data(prompt, 0), promptId, "cb-tick"));
        await Until(() => _telegram.CallsTo("editMessageReplyMarkup").Count == 1, "the ☑ edit");
        Assert.Equal("☑ Согласен(на) на рассылку", Button(_telegram.CallsTo("editMessageReplyMarkup")[0], 0));

        await deliver(CallbackUpdate(4, User, Data(prompt, 1), promptId, "cb-send"));
        await Until(() => host.ConsentEvents(AuditEvents.Given).Count == 1, "the consent");
        await Until(() => _telegram.CallsTo("answerCallbackQuery").Count == 3, "every press answered");
        await Until(() => _telegram.CallsTo("sendMessage").Count == 2, "the confirmation with the menu");
    }

    [Fact]
    public async Task The_consent_flow_works_over_the_webhook()
    {
        await using var host = await TelegramTestHost.StartAsync(_telegram, Db);

        await GiveConsentAsync(host, async json => Assert.Equal(HttpStatusCode.OK, (await host.PostUpdateAsync(json)).StatusCode));

        var given = Assert.Single(host.ConsentEvents(AuditEvents.Given));
        Assert.Equal(("telegram", User.ToString(System.Globalization.CultureInfo.InvariantCulture)), (given.Channel, given.UserId));
    }

    [Fact]
    public async Task The_consent_flow_works_with_long_polling_and_the_offset_only_passes_stored_updates()
    {
        await using var host = await TelegramTestHost.StartAsync(_telegram, Db, TelegramOptions.Polling);

        await GiveConsentAsync(host, json =>
        {
            _telegram.EnqueueUpdate(json);
            return Task.CompletedTask;
        });

        await Until(() => _telegram.GetUpdatesOffsets.Contains(5), "the offset past update 4");
        var inbox = (IInbox)host.Services.GetService(typeof(IInbox))!;
        await Until(() => inbox.Unprocessed("telegram").Count == 0, "every stored update processed");
    }

    [Fact]
    public async Task A_wrong_secret_gets_403_and_changes_nothing()
    {
        await using var host = await TelegramTestHost.StartAsync(_telegram, Db);

        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostUpdateAsync(TextUpdate(1, User, "/start"), "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostUpdateAsync(TextUpdate(1, User, "/start"), null)).StatusCode);

        await host.ProcessAsync();
        Assert.Empty(_telegram.CallsTo("sendMessage"));
        Assert.Null(host.Store.FindPerson("telegram", User.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"message\":{}}")]
    [InlineData("{\"update_id\":\"x\"}")]
    public async Task Malformed_json_gets_400_with_a_reason_and_changes_nothing(string body)
    {
        await using var host = await TelegramTestHost.StartAsync(_telegram, Db);

        var response = await host.PostUpdateAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("update_id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await host.ProcessAsync();
        Assert.Empty(_telegram.Calls);
    }

    [Fact]
    public async Task The_same_update_delivered_three_times_has_one_effect_also_after_a_restart()
    {
        await using (var host = await TelegramTestHost.StartAsync(_telegram, Db))
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await host.PostUpdateAsync(TextUpdate(77, User, "/start"))).StatusCode);
            }

            await host.ProcessAsync();
            await Until(() => _telegram.CallsTo("sendMessage").Count == 1, "one prompt");
        }

        await using var restarted = await TelegramTestHost.StartAsync(_telegram, Db);
        Assert.Equal(HttpStatusCode.OK, (await restarted.PostUpdateAsync(TextUpdate(77, User, "/start"))).StatusCode);
        await restarted.ProcessAsync();
        Assert.Single(_telegram.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task An_update_stored_before_a_crash_is_processed_once_after_the_restart()
    {
        // What the webhook stored just before the process died: in the file, not processed.
        using (var storage = new LiteDbStorage(new StorageOptions { Path = Db }))
        {
            await new LiteInbox(storage).TryAddAsync(new InboxItem
            {
                Id = "telegram:9",
                Channel = "telegram",
                Payload = TextUpdate(9, User, "/start"),
                ReceivedAtUtc = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc),
            });
        }

        await using (var host = await TelegramTestHost.StartAsync(_telegram, Db))
        {
            await host.ProcessAsync();
            await Until(() => _telegram.CallsTo("sendMessage").Count == 1, "the prompt after restart");
        }

        await using var again = await TelegramTestHost.StartAsync(_telegram, Db);
        await again.ProcessAsync();
        Assert.Single(_telegram.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_gets_no_further_messages_and_start_does_not_resubscribe()
    {
        await using var host = await TelegramTestHost.StartAsync(_telegram, Db);
        await GiveConsentAsync(host, async json => await host.PostUpdateAsync(json));
        var sent = _telegram.CallsTo("sendMessage").Count;

        await host.PostUpdateAsync(BlockedUpdate(10, User));
        await Until(() => host.ConsentEvents(AuditEvents.Withdrawn).Count == 1, "the mailing withdrawn");
        await host.ProcessAsync();

        Assert.Equal(sent, _telegram.CallsTo("sendMessage").Count);
        Assert.Contains(host.Services.GetRequiredService<IAuditLog>().ReadAll(), e => e.Event == AuditEvents.Unreachable);
        await host.PostUpdateAsync(TextUpdate(11, User, "/start"));
        await Until(() => _telegram.CallsTo("sendMessage").Count == sent + 1, "the answer to /start");
        Assert.Empty(host.ConsentEvents(AuditEvents.Given).Skip(1));
        Assert.Equal(Core.Consent.ConsentState.Withdrawn, host.Store.RecordsOf(host.Store.FindPerson("telegram", User.ToString(System.Globalization.CultureInfo.InvariantCulture))!.Id).Single().State);
    }

    [Fact]
    public async Task A_403_on_send_marks_the_person_unreachable_and_stops_the_mailing()
    {
        await using var host = await TelegramTestHost.StartAsync(_telegram, Db);
        await GiveConsentAsync(host, async json => await host.PostUpdateAsync(json));
        _telegram.AlwaysFail("sendMessage", User, 403, "Forbidden: bot was blocked by the user");

        await host.PostUpdateAsync(TextUpdate(12, User, "Меню"));
        await Until(() => host.ConsentEvents(AuditEvents.Withdrawn).Count == 1, "the mailing withdrawn after 403");

        Assert.True(host.Store.FindPerson("telegram", User.ToString(System.Globalization.CultureInfo.InvariantCulture))!.Unreachable);
    }

    [Fact]
    public async Task A_429_is_resent_once_after_the_given_delay_on_the_clock()
    {
        await using var host = await TelegramTestHost.StartAsync(_telegram, Db);
        _telegram.FailNext("sendMessage", 429, "Too Many Requests: retry after 5", retryAfter: 5);

        await host.PostUpdateAsync(TextUpdate(1, User, "/start"));
        await Until(() => _telegram.CallsTo("sendMessage").Count == 1, "the first, refused send");

        // Step the fake clock: the resend must not come before 5 s have passed on it, and must come then.
        var advanced = TimeSpan.Zero;
        while (_telegram.CallsTo("sendMessage").Count < 2 && advanced < TimeSpan.FromSeconds(30))
        {
            Assert.True(_telegram.CallsTo("sendMessage").Count == 1 || advanced >= TimeSpan.FromSeconds(5));
            host.Clock.Advance(TimeSpan.FromMilliseconds(250));
            advanced += TimeSpan.FromMilliseconds(250);
            await Task.Delay(10);
        }

        await Until(() => _telegram.CallsTo("sendMessage").Count == 2, "the resend");
        Assert.True(advanced >= TimeSpan.FromSeconds(5), $"resent after {advanced} of the clock");
        await host.ProcessAsync();
        Assert.Equal(2, _telegram.CallsTo("sendMessage").Count);
    }
}
