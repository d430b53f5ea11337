using System.Text.Json.Nodes;

namespace PdBot.Tests.Vk;

/// <summary>Event builders with VK API 5.199 shapes (Callback API bodies; Long Poll updates are the same without <c>secret</c>).</summary>
public sealed partial class FakeVkServer
{
    private static readonly string[] AllButtonActions = ["text", "vkpay", "open_app", "location", "open_link", "callback", "intent_subscribe", "intent_unsubscribe"];

    /// <summary>A private-dialog message from <paramref name="fromId"/> (<paramref name="payload"/> is the button's JSON string, as VK sends it).</summary>
    public static string MessageNew(string eventId, long fromId, string text, int conversationMessageId = 1, string? payload = null, bool callbackButtons = true, string? secret = null, long groupId = DefaultGroupId)
    {
        var message = new JsonObject
        {
            ["date"] = Now(),
            ["from_id"] = fromId,
            ["id"] = conversationMessageId,
            ["out"] = 0,
            ["version"] = 10000000 + conversationMessageId,
            ["peer_id"] = fromId,
            ["conversation_message_id"] = conversationMessageId,
            ["text"] = text,
            ["attachments"] = new JsonArray(),
            ["fwd_messages"] = new JsonArray(),
            ["important"] = false,
            ["is_hidden"] = false,
            ["random_id"] = 0,
        };
        if (payload is not null)
        {
            message["payload"] = payload;
        }

        var actions = AllButtonActions.Where(a => callbackButtons || a != "callback").Select(a => (JsonNode?)a).ToArray();
        var clientInfo = new JsonObject
        {
            ["button_actions"] = new JsonArray(actions),
            ["keyboard"] = true,
            ["inline_keyboard"] = true,
            ["carousel"] = true,
            ["lang_id"] = 0,
        };
        return Envelope("message_new", eventId, new JsonObject { ["message"] = message, ["client_info"] = clientInfo }, secret, groupId);
    }

    /// <summary>A callback button press: <paramref name="payloadJson"/> arrives as an object; <paramref name="vkEventId"/> is the token for messages.sendMessageEventAnswer.</summary>
    /// <remarks><paramref name="conversationMessageId"/> is optional in the 5.199 schema (callback/objects.json, callback_message_event): null leaves it out.</remarks>
    public static string MessageEvent(string eventId, long userId, string payloadJson, long? conversationMessageId, string vkEventId, string? secret = null, long groupId = DefaultGroupId)
    {
        var o = new JsonObject
        {
            ["user_id"] = userId,
            ["peer_id"] = userId,
            ["event_id"] = vkEventId,
            ["payload"] = JsonNode.Parse(payloadJson),
        };
        if (conversationMessageId is { } cmid)
        {
            o["conversation_message_id"] = cmid;
        }

        return Envelope("message_event", eventId, o, secret, groupId);
    }

    /// <summary>The user allowed messages from the community (<paramref name="key"/>: the developer's parameter of the allow request).</summary>
    public static string MessageAllow(string eventId, long userId, string? secret = null, string key = "", long groupId = DefaultGroupId) =>
        Envelope("message_allow", eventId, new JsonObject { ["user_id"] = userId, ["key"] = key }, secret, groupId);

    /// <summary>The user denied messages from the community: messages.send to them now fails with 901.</summary>
    public static string MessageDeny(string eventId, long userId, string? secret = null, long groupId = DefaultGroupId) =>
        Envelope("message_deny", eventId, new JsonObject { ["user_id"] = userId }, secret, groupId);

    /// <summary>The Callback API confirmation request: <c>{"type":"confirmation","group_id":…}</c> (+ secret).</summary>
    public static string Confirmation(string? secret = null, long groupId = DefaultGroupId)
    {
        var body = new JsonObject { ["type"] = "confirmation", ["group_id"] = groupId };
        if (secret is not null)
        {
            body["secret"] = secret;
        }

        return body.ToJsonString();
    }

    private static string Envelope(string type, string eventId, JsonObject obj, string? secret, long groupId)
    {
        var body = new JsonObject { ["type"] = type, ["event_id"] = eventId, ["v"] = ApiVersion, ["object"] = obj, ["group_id"] = groupId };
        if (secret is not null)
        {
            body["secret"] = secret;
        }

        return body.ToJsonString();
    }

    private static long Now() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
}
