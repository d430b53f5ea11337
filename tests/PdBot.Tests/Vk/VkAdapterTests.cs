using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.Vk;
using PdBot.Core.Turns;

namespace PdBot.Tests.Vk;

/// <summary>The adapter's VK calls in the corners the conversation rarely reaches, against the strict fake.</summary>
public sealed class VkAdapterTests : IAsyncLifetime, IDisposable
{
    private const long User = 42;
    private readonly TempFolder _tmp = new();
    private FakeVkServer _vk = null!;

    public async Task InitializeAsync() => _vk = await FakeVkServer.StartAsync();

    public async Task DisposeAsync() => await _vk.DisposeAsync(); // fails the test on any schema violation

    public void Dispose() => _tmp.Dispose();

    private static TurnContext Press(VkTestHost host, string? cmid) => new(host.Services.GetRequiredService<VkAdapter>(), new Activity
    {
        Type = ActivityType.ButtonPress,
        ChannelId = VkActivityMapper.Channel,
        UserId = "42",
        ChatId = "42",
        Payload = "tick",
        ReplyToId = cmid,
        ButtonPressId = "vk-ev-1",
        MessageId = "ev-e1",
        DedupeKey = "e1",
    });

    private static JsonElement Update(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task A_hint_too_long_for_a_snackbar_stops_the_spinner_and_comes_whole_as_a_message()
    {
        await using var host = await VkTestHost.StartAsync(_vk, _tmp.File("pdbot.db"));
        var hint = new string('а', 91);

        await Press(host, "101").AnswerButtonAsync(hint);

        var answer = Assert.Single(_vk.CallsTo("messages.sendMessageEventAnswer"));
        Assert.Null(answer.Field("event_data"));
        Assert.Equal(hint, Assert.Single(_vk.SentMessages).Message);
    }

    [Fact]
    public async Task A_press_on_a_message_VK_no_longer_holds_sends_the_current_state_anew()
    {
        await using var host = await VkTestHost.StartAsync(_vk, _tmp.File("pdbot.db"));

        await Press(host, "9999").UpdateButtonsAsync("9999", [[new Button("☑ Согласен(на)", "untick")]]);

        Assert.Empty(_vk.CallsTo("messages.edit"));
        Assert.Equal("9999", Assert.Single(_vk.CallsTo("messages.getByConversationMessageId")).Field("conversation_message_ids"));
        var sent = Assert.Single(_vk.SentMessages);
        Assert.Equal("Текущее состояние:", sent.Message);
        Assert.Equal("☑ Согласен(на)", sent.Keyboard!.Value.GetProperty("buttons")[0][0].GetProperty("action").GetProperty("label").GetString());
    }

    [Fact]
    public async Task A_press_redraws_its_message_by_cmid_with_the_text_VK_holds()
    {
        await using var host = await VkTestHost.StartAsync(_vk, _tmp.File("pdbot.db"));
        var turn = Press(host, null);
        await turn.SendAsync(new BotMessage("Согласие на рассылку", [[new Button("☐ Согласен(на)", "tick")]]));
        var cmid = Assert.Single(_vk.SentMessages).ConversationMessageId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await turn.UpdateButtonsAsync(cmid, [[new Button("☑ Согласен(на)", "untick")]]);

        var edit = Assert.Single(_vk.CallsTo("messages.edit"));
        Assert.Equal((cmid, "Согласие на рассылку", "1"), (edit.Field("cmid"), edit.Message, edit.Field("keep_forward_messages")));
        Assert.Contains("☑ Согласен(на)", edit.Field("keyboard"), StringComparison.Ordinal);
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
