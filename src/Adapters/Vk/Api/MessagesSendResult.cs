using System.Text.Json;

namespace PdBot.Adapters.Vk.Api;

/// <summary>
/// One peer's item of messages.send with peer_ids (VkNet's name; schema messages_send_user_ids_response_item): its
/// message id, or VK's error for that peer (<see cref="ErrorCode"/>, e.g. 901).
/// </summary>
public sealed class MessagesSendResult
{
    public long PeerId { get; init; }

    public long? MessageId { get; init; }

    public long? ConversationMessageId { get; init; }

    public int? ErrorCode { get; init; }

    /// <summary>VK's words for <see cref="ErrorCode"/> (no peer, no text).</summary>
    public string? ErrorDescription { get; init; }

    internal static MessagesSendResult Read(JsonElement item)
    {
        long? Long(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : null;
        var error = item.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : (JsonElement?)null;
        return new MessagesSendResult
        {
            PeerId = Long(item, "peer_id") ?? 0,
            MessageId = Long(item, "message_id"),
            ConversationMessageId = Long(item, "conversation_message_id"),
            ErrorCode = error is { } err ? (int?)Long(err, "code") ?? -1 : null,
            ErrorDescription = error is { } d && d.TryGetProperty("description", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
        };
    }
}
