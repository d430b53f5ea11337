using PdBot.Adapters.Vk.Api;

namespace PdBot.Tests.Vk.Api;

public sealed class VkApiCategoriesTests
{
    [Fact]
    public async Task GetLongPollServer_reads_key_server_and_a_numeric_ts()
    {
        using var kit = new VkApiTestKit("""{"response":{"key":"abc","server":"https://lp.vk.com/whp/229000000","ts":1024}}""");

        var lp = await kit.Api.Groups.GetLongPollServerAsync(229000000, CancellationToken.None);

        Assert.Equal("abc", lp.Key);
        Assert.Equal("https://lp.vk.com/whp/229000000", lp.Server);
        Assert.Equal("1024", lp.Ts);
        var r = Assert.Single(kit.Handler.Requests);
        Assert.EndsWith("/method/groups.getLongPollServer", r.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("229000000", r.Form["group_id"]);
    }

    [Fact]
    public async Task GetLongPollServer_reads_a_string_ts()
    {
        using var kit = new VkApiTestKit("""{"response":{"key":"abc","server":"https://lp.vk.com/whp/1","ts":"42"}}""");
        Assert.Equal("42", (await kit.Api.Groups.GetLongPollServerAsync(1, CancellationToken.None)).Ts);
    }

    [Fact]
    public async Task Edit_sends_the_text_the_keyboard_and_keep_forward_messages_as_1()
    {
        using var kit = new VkApiTestKit("""{"response":1}""");

        var ok = await kit.Api.Messages.EditAsync(new MessageEditParams
        {
            PeerId = 123456789,
            ConversationMessageId = 615,
            Message = "Подписки",
            Keyboard = new KeyboardBuilder().SetInline().Build(),
            KeepForwardMessages = true,
        }, CancellationToken.None);

        Assert.True(ok);
        var f = Assert.Single(kit.Handler.Requests).Form;
        Assert.Equal("123456789", f["peer_id"]);
        Assert.Equal("615", f["cmid"]);
        Assert.False(f.ContainsKey("message_id"));
        Assert.Equal("Подписки", f["message"]);
        Assert.Equal("""{"one_time":false,"inline":true,"buttons":[]}""", f["keyboard"]);
        Assert.Equal("1", f["keep_forward_messages"]);
    }

    [Fact]
    public async Task SendMessageEventAnswer_sends_a_snackbar_as_event_data_json()
    {
        using var kit = new VkApiTestKit("""{"response":1}""");

        var ok = await kit.Api.Messages.SendMessageEventAnswerAsync("3b5a1c0d7e9f", 123456789, 123456789,
            new EventData { Type = MessageEventType.ShowSnackbar, Text = "Новости: вкл" }, CancellationToken.None);

        Assert.True(ok);
        var f = Assert.Single(kit.Handler.Requests).Form;
        Assert.Equal("3b5a1c0d7e9f", f["event_id"]);
        Assert.Equal("123456789", f["user_id"]);
        Assert.Equal("123456789", f["peer_id"]);
        Assert.Equal("""{"type":"show_snackbar","text":"Новости: вкл"}""", f["event_data"]);
    }

    [Fact]
    public void An_open_link_event_carries_the_link()
    {
        var json = new EventData { Type = MessageEventType.OpenLink, Link = new Uri("https://example.com/a") }.ToJson();
        Assert.Equal("""{"type":"open_link","link":"https://example.com/a"}""", json);
    }
}
