using System.Text.Json;
using PdBot.Adapters.Processing;
using PdBot.Adapters.Vk;
using PdBot.Adapters.Vk.Api;
using PdBot.Core.Outbox;
using PdBot.Core.Turns;

namespace PdBot.Tests.Vk;

/// <summary>The adapter's VK calls in the corners the conversation rarely reaches, against the strict fake.</summary>
public sealed class VkAdapterTests : IAsyncLifetime, IDisposable
{
    private const long User = 42;
    private readonly HttpClient _http = new();
    private FakeVkServer _vk = null!;
    private VkApi _api = null!;

    public async Task InitializeAsync()
    {
        _vk = await FakeVkServer.StartAsync();
        _api = _vk.NewApi(_http, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _vk.DisposeAsync(); // fails the test on any schema violation

    public void Dispose()
    {
        _api.Dispose();
        _http.Dispose();
    }

    private VkAdapter Adapter => new(_api);

    private static OutboxMessage Call(string action, string text = "", string? buttons = null, string? edit = null) => new()
    {
        Id = 7,
        Channel = VkActivityMapper.Channel,
        ChatId = "42",
        UserId = "42",
        Kind = OutboxKind.TurnReply,
        Action = action,
        Text = text,
        Buttons = buttons,
        PressId = action == OutboxAction.Answer ? "vk-ev-1" : null,
        EditMessageId = edit,
        DedupeKey = $"e1:{action}",
    };

    private static JsonElement Update(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task A_hint_too_long_for_a_snackbar_stops_the_spinner_and_comes_whole_as_a_message()
    {
        var hint = new string('а', 91);

        Assert.Equal(DeliveryResult.Ok, await Adapter.DeliverAsync(Call(OutboxAction.Answer, hint), default));

        var answer = Assert.Single(_vk.CallsTo("messages.sendMessageEventAnswer"));
        Assert.Null(answer.Field("event_data"));
        Assert.Equal(hint, Assert.Single(_vk.SentMessages).Message);
    }

    [Fact]
    public async Task A_short_hint_is_a_snackbar_and_no_message()
    {
        Assert.Equal(DeliveryResult.Ok, await Adapter.DeliverAsync(Call(OutboxAction.Answer, "Отмечено"), default));

        Assert.Contains("Отмечено", Assert.Single(_vk.CallsTo("messages.sendMessageEventAnswer")).Field("event_data"), StringComparison.Ordinal);
        Assert.Empty(_vk.SentMessages);
    }

    [Fact]
    public async Task A_press_on_a_message_VK_no_longer_holds_sends_the_current_state_anew()
    {
        var edit = Call(OutboxAction.Edit, buttons: OutboxButtons.Write([[new Button("☑ Согласен(на)", "untick")]]), edit: "9999");

        Assert.Equal(DeliveryResult.Ok, await Adapter.DeliverAsync(edit, default));

        Assert.Empty(_vk.CallsTo("messages.edit"));
        Assert.Equal("9999", Assert.Single(_vk.CallsTo("messages.getByConversationMessageId")).Field("conversation_message_ids"));
        var sent = Assert.Single(_vk.SentMessages);
        Assert.Equal(VkAdapter.CurrentState, sent.Message);
        Assert.Equal("☑ Согласен(на)", sent.Keyboard!.Value.GetProperty("buttons")[0][0].GetProperty("action").GetProperty("label").GetString());
    }

    [Fact]
    public async Task A_press_redraws_its_message_by_cmid_with_the_text_VK_holds()
    {
        await Adapter.DeliverAsync(Call(OutboxAction.Send, "Согласие на рассылку", OutboxButtons.Write([[new Button("☐ Согласен(на)", "tick")]])), default);
        var cmid = Assert.Single(_vk.SentMessages).ConversationMessageId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await Adapter.DeliverAsync(Call(OutboxAction.Edit, buttons: OutboxButtons.Write([[new Button("☑ Согласен(на)", "untick")]]), edit: cmid), default);

        var edit = Assert.Single(_vk.CallsTo("messages.edit"));
        Assert.Equal((cmid, "Согласие на рассылку", "1"), (edit.Field("cmid"), edit.Message, edit.Field("keep_forward_messages")));
        Assert.Contains("☑ Согласен(на)", edit.Field("keyboard"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_who_denied_messages_is_unreachable_and_a_server_error_is_retried()
    {
        _vk.FailNext("messages.send", VkErrorCodes.CannotSendToUserFirstly, "Can't send messages for users without permission");

        Assert.Equal(DeliveryStatus.Unreachable, (await Adapter.DeliverAsync(Call(OutboxAction.Send, "Привет"), default)).Status);
        _vk.FailNextHttp("messages.send", 502);
        Assert.Equal(DeliveryStatus.Retry, (await Adapter.DeliverAsync(Call(OutboxAction.Send, "Привет"), default)).Status);
        Assert.Equal(DeliveryStatus.Sent, (await Adapter.DeliverAsync(Call(OutboxAction.Send, "Привет"), default)).Status);
        Assert.Single(_vk.SentMessages);
    }

    [Fact]
    public void A_message_event_without_conversation_message_id_is_a_press_with_no_message_to_redraw()
    {
        var press = VkActivityMapper.ToActivity(Update(FakeVkServer.MessageEvent("e1", User, """{"cmd":"tick"}""", null, "vk-ev-1")))!;

        Assert.Equal((ActivityType.ButtonPress, "tick", null, "vk-ev-1"), (press.Type, press.Payload, press.ReplyToId, press.ButtonPressId));
    }

    [Fact]
    public void A_message_event_payload_is_read_as_an_object_and_as_the_schemas_string()
    {
        var asObject = Update(FakeVkServer.MessageEvent("e1", User, """{"cmd":"tick"}""", 615, "vk-ev-1"));
        var asString = Update(FakeVkServer.MessageEvent("e2", User, "\"{\\\"cmd\\\":\\\"tick\\\"}\"", 615, "vk-ev-2"));

        Assert.Equal(JsonValueKind.String, asString.GetProperty("object").GetProperty("payload").ValueKind);
        Assert.Equal(("tick", "615"), (VkActivityMapper.ToActivity(asObject)!.Payload, VkActivityMapper.ToActivity(asObject)!.ReplyToId));
        Assert.Equal(("tick", "615"), (VkActivityMapper.ToActivity(asString)!.Payload, VkActivityMapper.ToActivity(asString)!.ReplyToId));
    }
}
