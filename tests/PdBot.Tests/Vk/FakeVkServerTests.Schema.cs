using System.Globalization;
using System.Text.Json.Nodes;

namespace PdBot.Tests.Vk;

/// <summary>The fake refuses what real VK 5.199 refuses, records it, and fails the test that leaves it unexamined.</summary>
public sealed partial class FakeVkServerTests
{
    private static readonly (string Key, string Value)[] ValidSend = [("peer_id", "42"), ("random_id", "7"), ("message", "Привет")];

    /// <summary>An inline (or normal) keyboard of <paramref name="rows"/> rows of <paramref name="perRow"/> callback buttons.</summary>
    private static string Grid(int rows, int perRow, bool inline = true) => new JsonObject
    {
        ["one_time"] = false,
        ["inline"] = inline,
        ["buttons"] = new JsonArray([.. Enumerable.Range(0, rows).Select(r => (JsonNode)new JsonArray([.. Enumerable.Range(0, perRow).Select(b => (JsonNode)Button("callback", $"{r}-{b}"))]))]),
    }.ToJsonString();

    private static JsonObject Button(string type, string label, string? color = null, string payload = """{"cmd":"x"}""")
    {
        var button = new JsonObject { ["action"] = new JsonObject { ["type"] = type, ["label"] = label, ["payload"] = payload } };
        if (color is not null)
        {
            button["color"] = color;
        }

        return button;
    }

    private static string One(JsonObject button, bool inline = true) =>
        new JsonObject { ["one_time"] = false, ["inline"] = inline, ["buttons"] = new JsonArray(new JsonArray(button)) }.ToJsonString();

    /// <summary>The error code and the violations recorded (joined with "; ") of a call that must be refused.</summary>
    private static async Task<(int Code, string Violations)> RefusedAsync(FakeVkServer server, string method, params (string Key, string Value)[] fields)
    {
        var answer = await CallAsync(server, method, fields);
        Assert.False(answer.TryGetProperty("response", out _), answer.ToString());
        return (Error(answer).Code, string.Join("; ", server.TakeViolations()));
    }

    [Fact]
    public async Task Messages_edit_with_conversation_message_id_is_refused_as_an_unknown_parameter_of_5_199()
    {
        await using var server = await FakeVkServer.StartAsync();

        var (code, violations) = await RefusedAsync(server, "messages.edit", ("peer_id", "42"), ("conversation_message_id", "101"), ("message", "Привет"));

        Assert.Equal(100, code);
        Assert.Equal("messages.edit: unknown parameter conversation_message_id; messages.edit: needs one of message_id, cmid", violations);
    }

    [Fact]
    public async Task Each_kind_of_schema_break_is_answered_with_error_100_and_recorded()
    {
        await using var server = await FakeVkServer.StartAsync();

        Assert.Equal((100, "messages.send: unknown parameter peer"), await RefusedAsync(server, "messages.send", [.. ValidSend, ("peer", "42")]));
        Assert.Equal((100, "messages.send: missing required random_id"), await RefusedAsync(server, "messages.send", ("peer_id", "42"), ("message", "x")));
        Assert.Equal((100, "messages.sendMessageEventAnswer: missing required user_id"), await RefusedAsync(server, "messages.sendMessageEventAnswer", ("event_id", "e"), ("peer_id", "42")));
        Assert.Equal((100, "messages.send: peer_id is not an integer: \"42a\""), await RefusedAsync(server, "messages.send", ("peer_id", "42a"), ("random_id", "7"), ("message", "x")));
        Assert.Equal((100, "messages.send: random_id is not an int32: 1234567890123"), await RefusedAsync(server, "messages.send", ("peer_id", "42"), ("random_id", "1234567890123"), ("message", "x")));
        Assert.Equal((100, "groups.getLongPollServer: group_id is below 1: 0"), await RefusedAsync(server, "groups.getLongPollServer", ("group_id", "0")));
        Assert.Equal((100, "messages.edit: keep_forward_messages is not 1 or 0: \"true\""), await RefusedAsync(server, "messages.edit", ("peer_id", "42"), ("cmid", "1"), ("message", "x"), ("keep_forward_messages", "true")));
        Assert.Equal((100, "messages.edit: needs one of message, attachment"), await RefusedAsync(server, "messages.edit", ("peer_id", "42"), ("cmid", "1"), ("keyboard", Grid(1, 1))));
        Assert.Equal((100, "messages.getByConversationMessageId: conversation_message_ids item is not an integer: \"x\""), await RefusedAsync(server, "messages.getByConversationMessageId", ("peer_id", "42"), ("conversation_message_ids", "1,x")));

        var (code, intent) = await RefusedAsync(server, "messages.send", [.. ValidSend, ("intent", "marketing")]);
        Assert.Equal(100, code);
        Assert.StartsWith("messages.send: intent is not one of account_update|", intent, StringComparison.Ordinal);

        Assert.Empty(server.SentMessages);
    }

    [Fact]
    public async Task A_message_in_english_is_recorded_as_a_violation()
    {
        await using var server = await FakeVkServer.StartAsync();

        await CallAsync(server, "messages.send", ("peer_id", "42"), ("random_id", "8"), ("message", "Request InProgress"));

        Assert.Contains(server.TakeViolations(), v => v.Contains("InProgress", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_version_other_than_5_199_is_refused()
    {
        await using var server = await FakeVkServer.StartAsync();

        var answer = await PostAsync(server, "messages.send", [new("access_token", server.AccessToken), new("v", "5.131"), new("peer_id", "42"), new("random_id", "7"), new("message", "x")]);

        Assert.Equal(100, Error(answer).Code);
        Assert.Equal(["messages.send: v is \"5.131\", not 5.199"], server.TakeViolations());
    }

    [Fact]
    public async Task A_snackbar_of_more_than_90_characters_or_an_unknown_event_type_is_refused()
    {
        await using var server = await FakeVkServer.StartAsync();
        (string, string)[] press = [("event_id", "e"), ("user_id", "42"), ("peer_id", "42")];

        var (longCode, longText) = await RefusedAsync(server, "messages.sendMessageEventAnswer", [.. press, ("event_data", new JsonObject { ["type"] = "show_snackbar", ["text"] = new string('а', 91) }.ToJsonString())]);
        var (typeCode, type) = await RefusedAsync(server, "messages.sendMessageEventAnswer", [.. press, ("event_data", """{"type":"show_popup","text":"x"}""")]);
        var ok = await CallAsync(server, "messages.sendMessageEventAnswer", [.. press, ("event_data", new JsonObject { ["type"] = "show_snackbar", ["text"] = new string('а', 90) }.ToJsonString())]);

        Assert.Equal((100, "messages.sendMessageEventAnswer: event_data show_snackbar: the text must be 1 to 90 characters"), (longCode, longText));
        Assert.Equal(100, typeCode);
        Assert.StartsWith("messages.sendMessageEventAnswer: event_data: type \"show_popup\" is not one of", type, StringComparison.Ordinal);
        Assert.Equal(1, ok.GetProperty("response").GetInt32());
    }

    [Theory]
    [InlineData("not JSON", "keyboard is not JSON")]
    [InlineData("an unknown action type", "button: action type \"start\" is not one of")]
    [InlineData("a colour outside the enum", "button: colour \"blue\" is not one of")]
    [InlineData("a colour on a link button", "button open_link: colours are only for text and callback buttons")]
    [InlineData("a label of 41 characters", "button text: the label must be text of 1 to 40 characters")]
    [InlineData("a payload that is not JSON", "button callback: the payload is not JSON")]
    [InlineData("an unknown action field", "button callback: unknown action field link")]
    [InlineData("six buttons in a row", "keyboard: a row must be an array of 1 to 5 buttons")]
    [InlineData("twelve inline buttons", "keyboard: 12 buttons, at most 10 inline")]
    [InlineData("seven inline rows", "keyboard: 7 rows, at most 6 inline")]
    [InlineData("45 normal buttons", "keyboard: 45 buttons, at most 40")]
    [InlineData("eleven normal rows", "keyboard: 11 rows, at most 10")]
    [InlineData("one_time with inline", "keyboard: one_time is not supported with inline")]
    [InlineData("no one_time", "keyboard: one_time is required")]
    public async Task A_keyboard_that_breaks_VKs_rules_is_answered_911_and_recorded(string what, string violation)
    {
        await using var server = await FakeVkServer.StartAsync();
        var link = Button("open_link", "Сайт", "primary");
        link["action"]!["link"] = "https://example.com";
        var withLink = Button("callback", "Да");
        withLink["action"]!["link"] = "https://example.com";
        var keyboard = what switch
        {
            "not JSON" => "{\"buttons\":[",
            "an unknown action type" => One(Button("start", "Начать")),
            "a colour outside the enum" => One(Button("callback", "Да", "blue")),
            "a colour on a link button" => One(link),
            "a label of 41 characters" => One(Button("text", new string('а', 41)), inline: false),
            "a payload that is not JSON" => One(Button("callback", "Да", payload: "cmd=x")),
            "an unknown action field" => One(withLink),
            "six buttons in a row" => Grid(1, 6),
            "twelve inline buttons" => Grid(3, 4),
            "seven inline rows" => Grid(7, 1),
            "45 normal buttons" => Grid(9, 5, inline: false),
            "eleven normal rows" => Grid(11, 1, inline: false),
            "one_time with inline" => Grid(1, 1).Replace("\"one_time\":false", "\"one_time\":true", StringComparison.Ordinal),
            "no one_time" => Grid(1, 1).Replace("\"one_time\":false,", "", StringComparison.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(what), what, null),
        };

        var (code, violations) = await RefusedAsync(server, "messages.send", [.. ValidSend, ("keyboard", keyboard)]);

        Assert.Equal(911, code);
        Assert.Contains("messages.send: " + violation, violations, StringComparison.Ordinal);
        Assert.Empty(server.SentMessages);
    }

    [Fact]
    public async Task Keyboards_at_VKs_limits_pass()
    {
        await using var server = await FakeVkServer.StartAsync();
        var send = 0;

        foreach (var keyboard in new[] { Grid(5, 2), Grid(6, 1), Grid(8, 5, inline: false), Grid(10, 4, inline: false), One(Button("text", new string('а', 40), "secondary"), inline: false), One(Button("callback", "Да", "default")) })
        {
            var answer = await CallAsync(server, "messages.send", ("peer_id", "42"), ("random_id", (++send).ToString(CultureInfo.InvariantCulture)), ("message", "x"), ("keyboard", keyboard));
            Assert.True(answer.TryGetProperty("response", out _), keyboard + " → " + answer);
        }

        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task Disposing_the_fake_with_a_violation_nobody_took_fails_the_test()
    {
        var server = await FakeVkServer.StartAsync();
        await CallAsync(server, "messages.edit", ("peer_id", "42"), ("conversation_message_id", "101"), ("message", "x"));

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(async () => await server.DisposeAsync());

        Assert.Contains("messages.edit: unknown parameter conversation_message_id", failure.Message, StringComparison.Ordinal);
    }
}
