using System.Globalization;
using System.Text.Json.Nodes;

namespace PdBot.Tests.Telegram;

/// <summary>The Bot API's JSON shapes: update builders for tests, and the objects the server answers with.</summary>
public sealed partial class FakeTelegramServer
{
    public const string NotModified = "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private const long DefaultBotId = 123456; // the bot in the update builders (the default token's bot)

    /// <summary>A private-chat text message from <paramref name="userId"/>.</summary>
    public static string TextUpdate(long updateId, long userId, string text, int messageId = 1) =>
        new JsonObject { ["update_id"] = updateId, ["message"] = Message(messageId, User(userId, false), userId, text) }.ToJsonString();

    /// <summary>A press of an inline button under the bot's message <paramref name="messageId"/> in the user's private chat.</summary>
    public static string CallbackUpdate(long updateId, long userId, string data, int messageId, string callbackId) => new JsonObject
    {
        ["update_id"] = updateId,
        ["callback_query"] = new JsonObject
        {
            ["id"] = callbackId,
            ["from"] = User(userId, false),
            ["message"] = Message(messageId, User(DefaultBotId, true), userId, "…"),
            ["chat_instance"] = "-" + userId.ToString(CultureInfo.InvariantCulture),
            ["data"] = data,
        },
    }.ToJsonString();

    /// <summary>The user blocked the bot: my_chat_member in the private chat, the bot going from member to kicked.</summary>
    public static string BlockedUpdate(long updateId, long userId) => new JsonObject
    {
        ["update_id"] = updateId,
        ["my_chat_member"] = new JsonObject
        {
            ["chat"] = Chat(userId),
            ["from"] = User(userId, false),
            ["date"] = Now(),
            ["old_chat_member"] = new JsonObject { ["user"] = User(DefaultBotId, true), ["status"] = "member" },
            ["new_chat_member"] = new JsonObject { ["user"] = User(DefaultBotId, true), ["status"] = "kicked", ["until_date"] = 0 },
        },
    }.ToJsonString();

    private static JsonObject User(long id, bool bot) => bot
        ? new() { ["id"] = id, ["is_bot"] = true, ["first_name"] = "PdBot", ["username"] = "pdbot_test_bot" }
        : new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = "Test" };

    private static JsonObject Chat(long id) => new() { ["id"] = id, ["type"] = "private", ["first_name"] = "Test" };

    private static JsonObject Message(long id, JsonObject from, long chat, string? text) => text is null
        ? new() { ["message_id"] = id, ["from"] = from, ["chat"] = Chat(chat), ["date"] = Now() }
        : new() { ["message_id"] = id, ["from"] = from, ["chat"] = Chat(chat), ["date"] = Now(), ["text"] = text };

    private static long Now() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

    private static JsonObject Ok(JsonNode? result) => new() { ["ok"] = true, ["result"] = result };

    private static JsonObject Error(int code, string description, int? retryAfter = null)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            error["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return error;
    }
}
