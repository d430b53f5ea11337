using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace PdBot.Tests.Vk;

public sealed partial class FakeVkServerTests
{
    private const string Keyboard = """{"one_time":false,"inline":true,"buttons":[[{"action":{"type":"callback","label":"Да","payload":"{\"cmd\":\"yes\"}"},"color":"positive"}]]}""";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<JsonElement> CallAsync(FakeVkServer server, string method, params (string Key, string Value)[] fields)
    {
        var form = new List<KeyValuePair<string, string>> { new("access_token", server.AccessToken), new("v", "5.199") };
        form.AddRange(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));
        return await PostAsync(server, method, form);
    }

    private static async Task<JsonElement> PostAsync(FakeVkServer server, string method, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await Http.PostAsync(new Uri(server.BaseUrl + method), content);
        Assert.Equal(200, (int)response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    private static async Task<JsonElement> PollAsync(FakeVkServer server, string key, object ts, int wait = 0)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"{server.LongPollServerUrl}?act=a_check&key={key}&ts={ts}&wait={wait}");
        using var doc = JsonDocument.Parse(await Http.GetStringAsync(new Uri(url)));
        return doc.RootElement.Clone();
    }

    private static async Task<(string Key, string Ts)> ConnectAsync(FakeVkServer server)
    {
        var lp = (await CallAsync(server, "groups.getLongPollServer", ("group_id", server.GroupId.ToString(CultureInfo.InvariantCulture)))).GetProperty("response");
        Assert.Equal(server.LongPollServerUrl, lp.GetProperty("server").GetString());
        return (lp.GetProperty("key").GetString()!, lp.GetProperty("ts").GetString()!);
    }

    private static (int Code, string Message) Error(JsonElement answer)
    {
        var error = answer.GetProperty("error");
        return (error.GetProperty("error_code").GetInt32(), error.GetProperty("error_msg").GetString()!);
    }

    [Fact]
    public async Task Send_returns_message_ids_and_a_repeated_random_id_is_not_sent_again()
    {
        await using var server = await FakeVkServer.StartAsync();

        var first = await CallAsync(server, "messages.send", ("peer_id", "42"), ("random_id", "7"), ("message", "Привет"), ("keyboard", Keyboard));
        var second = await CallAsync(server, "messages.send", ("user_id", "43"), ("random_id", "8"), ("message", "Ещё"));
        var again = await CallAsync(server, "messages.send", ("peer_id", "42"), ("random_id", "7"), ("message", "Привет"), ("keyboard", Keyboard));
        var otherPeer = await CallAsync(server, "messages.send", ("peer_id", "44"), ("random_id", "7"), ("message", "Другому"));
        var edit = await CallAsync(server, "messages.edit", ("peer_id", "42"), ("cmid", "101"), ("message", "Привет"), ("keyboard", Keyboard));
        var read = await CallAsync(server, "messages.getByConversationMessageId", ("peer_id", "42"), ("conversation_message_ids", "101,102"));
        var answer = await CallAsync(server, "messages.sendMessageEventAnswer", ("event_id", "abc"), ("user_id", "42"), ("peer_id", "42"), ("event_data", """{"type":"show_snackbar","text":"ok"}"""));

        Assert.Equal(500, first.GetProperty("response").GetInt64());
        Assert.Equal(501, second.GetProperty("response").GetInt64());
        Assert.Equal(500, again.GetProperty("response").GetInt64());
        Assert.Equal(502, otherPeer.GetProperty("response").GetInt64());
        Assert.Equal(1, edit.GetProperty("response").GetInt32());
        var item = Assert.Single(read.GetProperty("response").GetProperty("items").EnumerateArray());
        Assert.Equal((101, "Привет", -server.GroupId), (item.GetProperty("conversation_message_id").GetInt64(), item.GetProperty("text").GetString(), item.GetProperty("from_id").GetInt64()));
        Assert.Equal(1, answer.GetProperty("response").GetInt32());

        var sent = server.SentMessages;
        Assert.Equal([42L, 43L, 44L], sent.Select(m => m.PeerId));
        Assert.Equal([500L, 501L, 502L], sent.Select(m => m.MessageId));
        Assert.Equal("Привет", sent[0].Message);
        Assert.Equal(7, sent[0].RandomId);
        Assert.Equal("callback", sent[0].Keyboard!.Value.GetProperty("buttons")[0][0].GetProperty("action").GetProperty("type").GetString());
        Assert.Null(sent[1].Keyboard);
        Assert.Equal([101L, 101L, 101L], sent.Select(m => m.ConversationMessageId)); // numbered per conversation
        Assert.Equal(4, server.CallsTo("messages.send").Count);
        Assert.Equal(Enumerable.Range(0, 7), server.Calls.Select(c => c.Order));
        Assert.Equal("abc", server.CallsTo("messages.sendMessageEventAnswer").Single().Field("event_id"));
    }

    [Fact]
    public async Task A_wrong_token_and_an_unknown_method_answer_the_error_envelope()
    {
        await using var server = await FakeVkServer.StartAsync();

        var wrong = await PostAsync(server, "messages.send", [new("access_token", "nope"), new("v", "5.199"), new("peer_id", "42"), new("random_id", "1")]);
        var missing = await PostAsync(server, "messages.send", [new("v", "5.199")]);
        var unknown = await CallAsync(server, "messages.getById", ("message_ids", "1"));

        Assert.Equal((5, "User authorization failed: invalid access_token (4)."), Error(wrong));
        var requestParams = wrong.GetProperty("error").GetProperty("request_params");
        Assert.Equal("method", requestParams[0].GetProperty("key").GetString());
        Assert.Equal("messages.send", requestParams[0].GetProperty("value").GetString());
        Assert.Equal("5.199", requestParams[1].GetProperty("value").GetString());
        Assert.Equal(5, Error(missing).Code);
        Assert.Equal((3, "Unknown method passed"), Error(unknown));
        Assert.Empty(server.SentMessages);
        Assert.Equal(["messages.getById"], server.Calls.Select(c => c.Method)); // only calls with the right token
        Assert.Equal(["messages.getById: not a method PdBot may call (not in the table)"], server.TakeViolations());
    }

    [Fact]
    public async Task Scripted_failures_answer_vk_errors()
    {
        await using var server = await FakeVkServer.StartAsync();
        server.FailNext("messages.send", 10, "Internal server error");
        server.AlwaysFail("messages.send", 7, 901, "Can't send messages for users without permission");
        server.FailNext("messages.edit", 909, "Can't edit this message, because it's too old", peerId: 43);

        var serverError = await CallAsync(server, "messages.send", ("peer_id", "42"), ("random_id", "1"), ("message", "a"));
        var retried = await CallAsync(server, "messages.send", ("peer_id", "42"), ("random_id", "1"), ("message", "a"));
        var denied = await CallAsync(server, "messages.send", ("user_id", "7"), ("random_id", "2"), ("message", "b"));
        var deniedAgain = await CallAsync(server, "messages.send", ("peer_id", "7"), ("random_id", "3"), ("message", "c"));
        var otherPeerEdit = await CallAsync(server, "messages.edit", ("peer_id", "42"), ("message_id", "500"), ("message", "a"));
        var tooOld = await CallAsync(server, "messages.edit", ("peer_id", "43"), ("message_id", "1"), ("message", "a"));

        Assert.Equal((10, "Internal server error"), Error(serverError));
        Assert.Equal(500, retried.GetProperty("response").GetInt64());
        Assert.Equal((901, "Can't send messages for users without permission"), Error(denied));
        Assert.Equal(901, Error(deniedAgain).Code);
        Assert.Equal(1, otherPeerEdit.GetProperty("response").GetInt32());
        Assert.Equal(909, Error(tooOld).Code);
        Assert.Equal([42L], server.SentMessages.Select(m => m.PeerId));
        Assert.Equal(4, server.CallsTo("messages.send").Count);
    }

    [Fact]
    public async Task Long_poll_returns_enqueued_events_and_the_builders_have_vk_shapes()
    {
        await using var server = await FakeVkServer.StartAsync();
        server.EnqueueEvent(FakeVkServer.MessageNew("e1", 42, "Привет", payload: """{"cmd":"start"}"""));
        server.EnqueueEvent(FakeVkServer.MessageEvent("e2", 42, """{"cmd":"toggle","topic":"news"}""", 615, "vk-ev-1"));
        server.EnqueueEvent(FakeVkServer.MessageDeny("e3", 42));

        var (key, ts) = await ConnectAsync(server);
        var all = await PollAsync(server, key, ts);
        var tail = await PollAsync(server, key, 3);
        var none = await PollAsync(server, key, all.GetProperty("ts").GetString()!);

        Assert.Equal("KEY1", key);
        Assert.Equal("1", ts);
        Assert.Equal("4", all.GetProperty("ts").GetString());
        var updates = all.GetProperty("updates");
        Assert.Equal(["message_new", "message_event", "message_deny"], updates.EnumerateArray().Select(u => u.GetProperty("type").GetString()));
        var message = updates[0].GetProperty("object").GetProperty("message");
        Assert.Equal(42, message.GetProperty("from_id").GetInt64());
        Assert.Equal(42, message.GetProperty("peer_id").GetInt64());
        Assert.Equal("Привет", message.GetProperty("text").GetString());
        Assert.Equal("""{"cmd":"start"}""", message.GetProperty("payload").GetString());
        Assert.Contains("callback", updates[0].GetProperty("object").GetProperty("client_info").GetProperty("button_actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(229000000, updates[0].GetProperty("group_id").GetInt64());
        Assert.Equal("5.199", updates[0].GetProperty("v").GetString());
        var pressed = updates[1].GetProperty("object");
        Assert.Equal("vk-ev-1", pressed.GetProperty("event_id").GetString());
        Assert.Equal("news", pressed.GetProperty("payload").GetProperty("topic").GetString());
        Assert.Equal(615, pressed.GetProperty("conversation_message_id").GetInt32());
        Assert.Equal(["e3"], tail.GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("event_id").GetString()));
        Assert.Equal("4", none.GetProperty("ts").GetString());
        Assert.Empty(none.GetProperty("updates").EnumerateArray());
        Assert.Equal([("KEY1", "1"), ("KEY1", "3"), ("KEY1", "4")], server.Polls);
        Assert.Equal(4, server.CurrentTs);

        using var noCallback = JsonDocument.Parse(FakeVkServer.MessageNew("e4", 42, "x", callbackButtons: false, secret: "s3cr3t"));
        Assert.DoesNotContain("callback", noCallback.RootElement.GetProperty("object").GetProperty("client_info").GetProperty("button_actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("s3cr3t", noCallback.RootElement.GetProperty("secret").GetString());
        using var confirmation = JsonDocument.Parse(FakeVkServer.Confirmation());
        Assert.Equal("confirmation", confirmation.RootElement.GetProperty("type").GetString());
        Assert.False(confirmation.RootElement.TryGetProperty("secret", out _));
        using var allow = JsonDocument.Parse(FakeVkServer.MessageAllow("e5", 42));
        Assert.Equal(42, allow.RootElement.GetProperty("object").GetProperty("user_id").GetInt64());
    }

    [Fact]
    public async Task A_long_poll_waits_returns_as_soon_as_an_event_arrives_and_ends_on_dispose()
    {
        await using var server = await FakeVkServer.StartAsync();
        var (key, ts) = await ConnectAsync(server);
        var clock = Stopwatch.StartNew();

        var quiet = await PollAsync(server, key, ts, wait: 1);
        Assert.Empty(quiet.GetProperty("updates").EnumerateArray());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), clock.Elapsed.ToString());

        clock.Restart();
        var poll = PollAsync(server, key, ts, wait: 25);
        while (server.Polls.Count < 2)
        {
            await Task.Delay(10);
        }

        server.EnqueueEvent(FakeVkServer.MessageNew("e1", 42, "hi"));
        var answer = await poll;
        Assert.Equal("2", answer.GetProperty("ts").GetString());
        Assert.Single(answer.GetProperty("updates").EnumerateArray());

        var idle = PollAsync(server, key, 2, wait: 25);
        while (server.Polls.Count < 3)
        {
            await Task.Delay(10);
        }

        await server.DisposeAsync(); // and again at the end of the test: disposing twice is fine
        Assert.Empty((await idle).GetProperty("updates").EnumerateArray());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task Scripted_poll_failures_expired_keys_and_lost_history()
    {
        await using var server = await FakeVkServer.StartAsync();
        var (key, _) = await ConnectAsync(server);
        server.EnqueueEvent(FakeVkServer.MessageNew("e1", 42, "a"));

        server.FailNextPoll(1, ts: 10);
        var outdated = await PollAsync(server, key, 1);
        server.FailNextPoll(2);
        var scriptedExpired = await PollAsync(server, key, 1);
        server.FailNextPoll(3);
        var scriptedLost = await PollAsync(server, key, 1);
        var wrongKey = await PollAsync(server, "nope", 1);

        Assert.Equal(1, outdated.GetProperty("failed").GetInt32());
        Assert.Equal(JsonValueKind.Number, outdated.GetProperty("ts").ValueKind);
        Assert.Equal(10, outdated.GetProperty("ts").GetInt64());
        Assert.Equal(2, scriptedExpired.GetProperty("failed").GetInt32());
        Assert.Equal(3, scriptedLost.GetProperty("failed").GetInt32());
        Assert.Equal(2, wrongKey.GetProperty("failed").GetInt32());

        server.ExpireKey();
        Assert.Equal(2, (await PollAsync(server, key, 1)).GetProperty("failed").GetInt32());
        var (key2, ts2) = await ConnectAsync(server);
        Assert.Equal("KEY2", key2);
        var events = await PollAsync(server, key2, ts2);
        Assert.Single(events.GetProperty("updates").EnumerateArray());

        server.LoseHistory();
        Assert.Equal(3, (await PollAsync(server, key2, 2)).GetProperty("failed").GetInt32());
        Assert.Equal(3, (await PollAsync(server, key2, 2)).GetProperty("failed").GetInt32());
        var (key3, ts3) = await ConnectAsync(server);
        Assert.Equal("KEY3", key3);
        Assert.Equal("2", ts3);
        Assert.Equal(2, (await PollAsync(server, key2, 2)).GetProperty("failed").GetInt32()); // the old key is gone
        Assert.Empty((await PollAsync(server, key3, ts3)).GetProperty("updates").EnumerateArray());
    }
}
