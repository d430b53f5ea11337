using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.Vk;
using PdBot.Core.Audit;
using PdBot.Core.Inbox;
using static PdBot.Tests.Telegram.TelegramTestHost;
using static PdBot.Tests.Vk.FakeVkServer;

namespace PdBot.Tests.Vk;

public sealed class VkChannelTests : IAsyncLifetime, IDisposable
{
    private const long User = 123456789;
    private readonly TempFolder _tmp = new();
    private FakeVkServer _vk = null!;

    private string Db => _tmp.File("pdbot.db");

    public async Task InitializeAsync() => _vk = await FakeVkServer.StartAsync();

    public async Task DisposeAsync() => await _vk.DisposeAsync();

    public void Dispose() => _tmp.Dispose();

    private static JsonElement Button(VkSentMessage m, int row) => m.Keyboard!.Value.GetProperty("buttons")[row][0].GetProperty("action");

    private static string Payload(VkSentMessage m, int row) => Button(m, row).GetProperty("payload").GetString()!;

    private async Task GiveConsentAsync(VkTestHost host, Func<string, Task> deliver)
    {
        await deliver(MessageNew("e1", User, "Здравствуйте", 1, secret: VkTestHost.Secret));
        await Until(() => _vk.SentMessages.Count == 1, "the consent prompt");
        var prompt = _vk.SentMessages[0];
        Assert.Equal(("callback", "☐ Согласен(на) на рассылку"), (Button(prompt, 0).GetProperty("type").GetString(), Button(prompt, 0).GetProperty("label").GetString()));
        Assert.True(prompt.Keyboard!.Value.GetProperty("inline").GetBoolean());

        await deliver(MessageEvent("e2", User, Payload(prompt, 1), prompt.ConversationMessageId, "vk-ev-1", secret: VkTestHost.Secret));
        await Until(() => _vk.CallsTo("messages.sendMessageEventAnswer").Count == 1, "the snackbar hint");
        Assert.Contains("Сначала отметьте", _vk.CallsTo("messages.sendMessageEventAnswer")[0].Field("event_data"), StringComparison.Ordinal);
        Assert.Empty(host.ConsentEvents(AuditEvents.Given));

        await deliver(MessageEvent("e3", User, Payload(prompt, 0), prompt.ConversationMessageId, "vk-ev-2", secret: VkTestHost.Secret));
        await Until(() => _vk.CallsTo("messages.edit").Count == 1, "the ☑ redraw");
        var edit = _vk.CallsTo("messages.edit")[0];
        Assert.Contains("☑ Согласен(на) на рассылку", edit.Field("keyboard"), StringComparison.Ordinal);
        Assert.Equal((prompt.ConversationMessageId.ToString(CultureInfo.InvariantCulture), prompt.Message), (edit.Field("cmid"), edit.Message));

        await deliver(MessageEvent("e4", User, Payload(prompt, 1), prompt.ConversationMessageId, "vk-ev-3", secret: VkTestHost.Secret));
        await Until(() => host.ConsentEvents(AuditEvents.Given).Count == 1, "the consent");
    }

    private static async Task Post(VkTestHost host, string json) => Assert.Equal((200, "ok"), await host.PostAsync(json));

    [Fact]
    public async Task The_confirmation_handshake_answers_the_code()
    {
        await using var host = await VkTestHost.StartAsync(_vk, Db);

        Assert.Equal((200, VkTestHost.Confirmation), await host.PostAsync(Confirmation(VkTestHost.Secret)));
        Assert.Equal(403, (await host.PostAsync(Confirmation("wrong"))).Status);
    }

    [Fact]
    public async Task A_wrong_secret_has_no_effect_and_a_malformed_body_gets_400()
    {
        await using var host = await VkTestHost.StartAsync(_vk, Db);

        Assert.Equal(403, (await host.PostAsync(MessageNew("x1", User, "/start", secret: "wrong"))).Status);
        Assert.Equal(403, (await host.PostAsync(MessageNew("x2", User, "/start"))).Status);
        Assert.Equal(400, (await host.PostAsync("{oops")).Status);
        Assert.Equal(400, (await host.PostAsync("{\"type\":\"message_new\",\"secret\":\"vk-secret\",\"group_id\":229000000}")).Status);
        await host.ProcessAsync();

        Assert.Empty(_vk.SentMessages);
        Assert.Empty(host.Services.GetRequiredService<IInbox>().Unprocessed("vk"));
    }

    [Fact]
    public async Task The_consent_flow_works_through_callback_buttons_in_callback_mode()
    {
        await using var host = await VkTestHost.StartAsync(_vk, Db);

        await GiveConsentAsync(host, json => Post(host, json));

        Assert.Equal(User.ToString(CultureInfo.InvariantCulture), Assert.Single(host.ConsentEvents(AuditEvents.Given)).UserId);
    }

    [Fact]
    public async Task The_consent_flow_works_in_long_poll_mode()
    {
        await using var host = await VkTestHost.StartAsync(_vk, Db, VkOptions.LongPoll);

        await GiveConsentAsync(host, json =>
        {
            _vk.EnqueueEvent(json);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task The_same_event_id_three_times_has_one_effect()
    {
        await using var host = await VkTestHost.StartAsync(_vk, Db);

        for (var i = 0; i < 3; i++)
        {
            await Post(host, MessageNew("same", User, "/start", secret: VkTestHost.Secret));
        }

        await host.ProcessAsync();
        await Until(() => _vk.SentMessages.Count == 1, "one prompt");
        await host.ProcessAsync();
        Assert.Single(_vk.CallsTo("messages.send"));
    }

    [Fact]
    public async Task Long_poll_failures_1_2_and_3_are_recovered_without_losing_or_repeating_an_event()
    {
        await using var host = await VkTestHost.StartAsync(_vk, Db, VkOptions.LongPoll);
        _vk.EnqueueEvent(MessageNew("a", 1001, "/start"));
        await Until(() => _vk.SentMessages.Count == 1, "event a");

        _vk.FailNextPoll(1);
        _vk.EnqueueEvent(MessageNew("b", 1002, "/start"));
        await Until(() => _vk.SentMessages.Count == 2, "event b after failed 1");

        _vk.ExpireKey();
        _vk.EnqueueEvent(MessageNew("c", 1003, "/start"));
        await Until(() => _vk.SentMessages.Count == 3, "event c after failed 2");

        _vk.LoseHistory();
        _vk.EnqueueEvent(MessageNew("d", 1004, "/start"));
        await Until(() => _vk.SentMessages.Count == 4, "event d after failed 3");

        Assert.Equal([1001L, 1002L, 1003L, 1004L], _vk.SentMessages.Select(m => m.PeerId));
    }

    [Fact]
    public async Task Message_deny_withdraws_the_mailing_at_once_and_a_later_message_does_not_resubscribe()
    {
        await using var host = await VkTestHost.StartAsync(_vk, Db);
        await GiveConsentAsync(host, json => Post(host, json));

        await Post(host, MessageDeny("deny", User, VkTestHost.Secret));
        await Until(() => host.ConsentEvents(AuditEvents.Withdrawn).Count == 1, "the withdrawal");
        Assert.True(host.Store.FindPerson("vk", User.ToString(CultureInfo.InvariantCulture))!.Unreachable);

        await Post(host, MessageNew("later", User, "Привет", 5, secret: VkTestHost.Secret));
        await host.ProcessAsync();
        Assert.Single(host.ConsentEvents(AuditEvents.Given));
        Assert.Single(host.ConsentEvents(AuditEvents.Withdrawn));
    }

    [Fact]
    public async Task Message_allow_is_recorded_but_starts_nothing()
    {
        await using var host = await VkTestHost.StartAsync(_vk, Db);

        await Post(host, MessageAllow("allow", User, VkTestHost.Secret));
        await Until(() => host.Services.GetRequiredService<IAuditLog>().ReadAll().Any(e => e.Event == AuditEvents.MessagesAllowed), "the recorded allow");
        await host.ProcessAsync();

        Assert.Empty(_vk.SentMessages);
        Assert.Empty(host.ConsentEvents(AuditEvents.Given));
    }

    [Fact]
    public async Task A_retried_send_carries_the_same_random_id()
    {
        await using var host = await VkTestHost.StartAsync(_vk, Db);
        _vk.FailNext("messages.send", 10, "Internal server error");

        await Post(host, MessageNew("r1", User, "/start", secret: VkTestHost.Secret));
        await Until(() => _vk.CallsTo("messages.send").Count == 1, "the failed send");

        // Step the fake clock until the backoff (1 s) has passed since the client registered it.
        for (var i = 0; i < 100 && _vk.CallsTo("messages.send").Count < 2; i++)
        {
            host.Clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(10);
        }

        await Until(() => _vk.CallsTo("messages.send").Count == 2, "the retry");

        var calls = _vk.CallsTo("messages.send");
        Assert.Equal(calls[0].RandomId, calls[1].RandomId);
        Assert.NotEqual(0, calls[0].RandomId);
        Assert.Single(_vk.SentMessages);
    }

    [Fact]
    public async Task Clients_without_callback_buttons_get_text_buttons_with_the_same_meaning()
    {
        await using var host = await VkTestHost.StartAsync(_vk, Db);

        await Post(host, MessageNew("t1", User, "Привет", 1, callbackButtons: false, secret: VkTestHost.Secret));
        await Until(() => _vk.SentMessages.Count == 1, "the prompt");
        var prompt = _vk.SentMessages[0];
        Assert.Equal("text", Button(prompt, 0).GetProperty("type").GetString());

        await Post(host, MessageNew("t2", User, "☐ Согласен(на) на рассылку", 2, payload: Payload(prompt, 0), callbackButtons: false, secret: VkTestHost.Secret));
        await Post(host, MessageNew("t3", User, "Отправить", 3, payload: Payload(prompt, 1), callbackButtons: false, secret: VkTestHost.Secret));
        await Until(() => host.ConsentEvents(AuditEvents.Given).Count == 1, "the consent by text buttons");
    }
}
