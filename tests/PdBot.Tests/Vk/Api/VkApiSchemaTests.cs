using PdBot.Adapters.Vk.Api;

namespace PdBot.Tests.Vk.Api;

/// <summary>The real client against the strict fake: every call is checked against VK's 5.199 schema (VkMethodSchema).</summary>
public sealed class VkApiSchemaTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    private FakeVkServer _vk = null!;
    private VkApi _api = null!;

    public async Task InitializeAsync()
    {
        _vk = await FakeVkServer.StartAsync();
        _api = new VkApi(_http, new VkApiOptions { AccessToken = _vk.AccessToken, GroupId = (ulong)_vk.GroupId, BaseUrl = _vk.BaseUrl }, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _vk.DisposeAsync(); // fails the test on any schema violation

    public void Dispose()
    {
        _api.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task Messages_edit_sends_cmid_as_the_5_199_schema_names_it_and_no_conversation_message_id()
    {
        await _api.Messages.EditAsync(new MessageEditParams
        {
            PeerId = 42,
            ConversationMessageId = 615,
            Message = "Согласие на рассылку",
            Keyboard = new KeyboardBuilder().SetInline().AddCallbackButton("☑ Согласен(на)", """{"cmd":"untick"}""", KeyboardButtonColor.Positive).Build(),
            KeepForwardMessages = true,
        }, CancellationToken.None);

        var edit = Assert.Single(_vk.CallsTo("messages.edit"));
        Assert.Equal("615", edit.Field("cmid"));
        Assert.Null(edit.Field("conversation_message_id"));
        Assert.Empty(_vk.Violations);
    }

    [Fact]
    public async Task Every_method_PdBot_calls_passes_the_schema_with_every_field_it_can_send()
    {
        var keyboard = new KeyboardBuilder().SetInline().AddCallbackButton("☐ Согласен(на)", """{"cmd":"tick"}""").AddLine()
            .AddCallbackButton("Отправить", """{"cmd":"submit"}""", KeyboardButtonColor.Primary).Build();
        var normal = new KeyboardBuilder().SetOneTime().AddButton("Меню", """{"cmd":"menu"}""", KeyboardButtonColor.Secondary).Build();

        foreach (var intent in Enum.GetValues<MessageIntent>())
        {
            await _api.Messages.SendAsync(new MessagesSendParams
            {
                PeerId = 42,
                UserId = 42,
                RandomId = 1000 + (int)intent,
                Message = "Привет",
                Keyboard = intent == MessageIntent.Default ? normal : keyboard,
                Payload = """{"cmd":"start"}""",
                Intent = intent,
            }, CancellationToken.None);
        }

        var cmid = _vk.SentMessages[0].ConversationMessageId;
        var read = await _api.Messages.GetByConversationMessageIdAsync(42, [cmid, 9999], CancellationToken.None);
        await _api.Messages.EditAsync(new MessageEditParams { PeerId = 42, MessageId = _vk.SentMessages[0].MessageId, Message = "Привет", Keyboard = keyboard, KeepForwardMessages = false }, CancellationToken.None);
        await _api.Messages.SendMessageEventAnswerAsync("ev", 42, 42, new EventData { Type = MessageEventType.ShowSnackbar, Text = new string('а', EventData.MaxSnackbarText) }, CancellationToken.None);
        await _api.Messages.SendMessageEventAnswerAsync("ev2", 42, 42, new EventData { Type = MessageEventType.OpenLink, Link = new Uri("https://example.com/") }, CancellationToken.None);
        await _api.Messages.SendMessageEventAnswerAsync("ev3", 42, 42, null, CancellationToken.None);
        await _api.Groups.GetLongPollServerAsync((ulong)_vk.GroupId, CancellationToken.None);

        Assert.Equal(new VkMessage(cmid, "Привет"), Assert.Single(read));
        Assert.Equal(Enum.GetValues<MessageIntent>().Length, _vk.SentMessages.Count);
        Assert.Equal(["default", "account_update", "purchase_update"], _vk.CallsTo("messages.send").Select(c => c.Field("intent")!).Where(i => i is "default" or "account_update" or "purchase_update"));
        Assert.Empty(_vk.Violations);
    }

    [Fact]
    public async Task A_call_VK_would_refuse_is_refused_before_it_is_sent()
    {
        var noText = new MessageEditParams { PeerId = 42, ConversationMessageId = 1, Keyboard = new KeyboardBuilder().SetInline().Build() };
        var bothIds = new MessageEditParams { PeerId = 42, ConversationMessageId = 1, MessageId = 1, Message = "x" };
        var bigCmid = new MessageEditParams { PeerId = 42, ConversationMessageId = int.MaxValue + 1L, Message = "x" };
        var bigRandom = new MessagesSendParams { PeerId = 42, RandomId = int.MaxValue + 1L, Message = "x" };
        var empty = new MessagesSendParams { PeerId = 42, RandomId = 1, Message = "" };

        await Assert.ThrowsAsync<ArgumentException>(() => _api.Messages.EditAsync(noText, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _api.Messages.EditAsync(bothIds, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _api.Messages.EditAsync(bigCmid, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _api.Messages.SendAsync(bigRandom, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _api.Messages.SendAsync(empty, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _api.Messages.GetByConversationMessageIdAsync(42, [], CancellationToken.None));
        Assert.Empty(_vk.Calls);
    }
}
