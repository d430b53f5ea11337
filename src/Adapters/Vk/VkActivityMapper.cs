using System.Globalization;
using System.Text.Json;
using PdBot.Core.People;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Vk;

/// <summary>Translates a VK community event (Callback API or Long Poll; same envelope) into an activity.</summary>
public static class VkActivityMapper
{
    public const string Channel = "vk";

    /// <summary>A text-button press (clients without callback buttons) arrives as a message whose payload is {"cmd":…}.</summary>
    public const string TextPressReply = "text";

    public static Activity? ToActivity(JsonElement update)
    {
        var type = update.GetProperty("type").GetString();
        var key = update.TryGetProperty("event_id", out var e) ? e.GetString() : null;
        var o = update.GetProperty("object");
        return type switch
        {
            "message_new" => FromMessage(o, key),
            "message_event" => new Activity
            {
                Type = ActivityType.ButtonPress,
                ChannelId = Channel,
                UserId = Id(o, "user_id"),
                ChatId = Id(o, "peer_id"),
                Payload = Command(o.TryGetProperty("payload", out var p) ? p : default),
                // Optional in the 5.199 schema (callback_message_event): without it there is no message to redraw.
                ReplyToId = OptionalId(o, "conversation_message_id"),
                ButtonPressId = o.GetProperty("event_id").GetString(),
                MessageId = "ev-" + key,
                DedupeKey = key,
            },
            "message_allow" => Member(ActivityType.Subscribed, o, key),
            "message_deny" => Member(ActivityType.Unsubscribed, o, key),
            _ => null,
        };
    }

    /// <summary>Our payload string wrapped the way VK wants a button payload: a JSON object as a string.</summary>
    public static string Wrap(string payload) => JsonSerializer.Serialize(new Dictionary<string, string> { ["cmd"] = payload });

    private static Activity FromMessage(JsonElement o, string? key)
    {
        var m = o.GetProperty("message");
        var callbacks = o.TryGetProperty("client_info", out var ci) && ci.TryGetProperty("button_actions", out var actions)
            && actions.EnumerateArray().Any(a => a.GetString() == "callback");
        var command = m.TryGetProperty("payload", out var p) ? Command(p) : null;
        return new Activity
        {
            Type = command is null ? ActivityType.Message : ActivityType.ButtonPress,
            ChannelId = Channel,
            UserId = Id(m, "from_id"),
            ChatId = Id(m, "peer_id"),
            Text = m.TryGetProperty("text", out var t) ? t.GetString() : "",
            Payload = command,
            ReplyToId = command is null ? null : TextPressReply,
            MessageId = Id(m, "conversation_message_id"),
            DedupeKey = key,
            TextButtonsOnly = !callbacks,

            // vk.me/club?ref=poster: «ref» is the link's source; «ref_source» a second label some links carry.
            Source = SubscriptionSource.Clean(StringField(m, "ref")) ?? SubscriptionSource.Clean(StringField(m, "ref_source")),
        };
    }

    private static string? StringField(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static Activity Member(ActivityType type, JsonElement o, string? key) => new()
    {
        Type = type,
        ChannelId = Channel,
        UserId = Id(o, "user_id"),
        ChatId = Id(o, "user_id"),
        MessageId = "ev-" + key,
        DedupeKey = key,
    };

    // A payload is a JSON string in messages and an object in message_event: accept both.
    private static string? Command(JsonElement payload)
    {
        if (payload.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var doc = JsonDocument.Parse(payload.GetString()!);
                return Command(doc.RootElement.Clone());
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("cmd", out var cmd) ? cmd.GetString() : null;
    }

    private static string Id(JsonElement o, string name) => OptionalId(o, name) ?? throw new KeyNotFoundException($"VK event without \"{name}\"");

    /// <summary>VK sends its ids as JSON integers; anything else (a string, 2.5, 1e30) is refused, naming the field only.</summary>
    private static string? OptionalId(JsonElement o, string name) =>
        !o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var id) ? id.ToString(CultureInfo.InvariantCulture)
        : throw new FormatException($"\"{name}\" must be an integer JSON number");
}
