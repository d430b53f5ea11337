using System.Text.Json;

namespace PdBot.Adapters.Vk.Api;

/// <summary>messages.* methods, as VkNet's <c>api.Messages</c>.</summary>
public sealed class MessagesCategory
{
    private readonly VkApi _api;

    internal MessagesCategory(VkApi api) => _api = api;

    /// <summary>Sends one message; returns its message id.</summary>
    public async Task<long> SendAsync(MessagesSendParams p, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.RandomId == 0)
        {
            throw new ArgumentException("RandomId must be non-zero: it is what lets VK drop a retried duplicate.", nameof(p));
        }

        var f = new List<KeyValuePair<string, string>>();
        Add(f, "peer_id", p.PeerId);
        Add(f, "user_id", p.UserId);
        Add(f, "random_id", p.RandomId);
        Add(f, "message", p.Message);
        Add(f, "keyboard", p.Keyboard?.ToJson());
        Add(f, "payload", p.Payload);
        Add(f, "intent", p.Intent);
        var r = await _api.CallAsync("messages.send", f, ct);
        return r.ValueKind == JsonValueKind.Number ? r.GetInt64() : throw new VkApiException(-1, "messages.send: the response is not a message id");
    }

    public async Task<bool> EditAsync(MessageEditParams p, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(p);
        var f = new List<KeyValuePair<string, string>>();
        Add(f, "peer_id", p.PeerId);
        Add(f, "message", p.Message);
        Add(f, "message_id", p.MessageId);
        Add(f, "conversation_message_id", p.ConversationMessageId);
        Add(f, "keyboard", p.Keyboard?.ToJson());
        if (p.KeepForwardMessages is { } keep)
        {
            f.Add(new("keep_forward_messages", keep ? "1" : "0"));
        }

        return IsOne(await _api.CallAsync("messages.edit", f, ct));
    }

    /// <summary>Stops the client's spinner after a callback press (within a minute of it), optionally with a snackbar or link.</summary>
    public async Task<bool> SendMessageEventAnswerAsync(string eventId, long userId, long peerId, EventData? eventData, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var f = new List<KeyValuePair<string, string>> { new("event_id", eventId) };
        Add(f, "user_id", userId);
        Add(f, "peer_id", peerId);
        Add(f, "event_data", eventData?.ToJson());
        return IsOne(await _api.CallAsync("messages.sendMessageEventAnswer", f, ct));
    }

    private static void Add(List<KeyValuePair<string, string>> f, string name, long? value)
    {
        if (value is { } v)
        {
            f.Add(new(name, VkApi.Format(v)));
        }
    }

    private static void Add(List<KeyValuePair<string, string>> f, string name, string? value)
    {
        if (value is not null)
        {
            f.Add(new(name, value));
        }
    }

    private static bool IsOne(JsonElement r) => r.ValueKind == JsonValueKind.Number && r.GetInt64() == 1;
}
