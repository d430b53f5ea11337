using System.Text.Json;

namespace PdBot.Adapters.Vk.Api;

/// <summary>
/// messages.* methods, as VkNet's <c>api.Messages</c>. Each sends only parameters that VK's 5.199 schema
/// (messages/methods.json) lists for the method, with its names and integer ranges; anything else is refused here,
/// before the call, rather than answered with error 100 by VK.
/// </summary>
public sealed class MessagesCategory
{
    /// <summary>messages.send takes at most 100 peer_ids (the 5.199 schema's maxItems).</summary>
    public const int MaxPeerIds = 100;

    private readonly VkApi _api;

    internal MessagesCategory(VkApi api) => _api = api;

    /// <summary>Sends one message; returns its message id.</summary>
    public async Task<long> SendAsync(MessagesSendParams p, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.PeerIds is not null)
        {
            throw new ArgumentException("PeerIds: use SendToUserIdsAsync, which answers per peer.", nameof(p));
        }

        var r = await _api.CallAsync("messages.send", SendFields(p), ct);
        return r.ValueKind == JsonValueKind.Number ? r.GetInt64() : throw new VkApiException(-1, "messages.send: the response is not a message id");
    }

    /// <summary>
    /// One message to up to 100 peers (<see cref="MessagesSendParams.PeerIds"/>, VkNet's name): VK answers an array with
    /// each peer's message id or its own error (901: messages denied…), so one refusal does not fail the others.
    /// </summary>
    public async Task<IReadOnlyList<MessagesSendResult>> SendToUserIdsAsync(MessagesSendParams p, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.PeerIds is not { Count: > 0 and <= MaxPeerIds } || p.PeerId is not null || p.UserId is not null)
        {
            throw new ArgumentException($"PeerIds: 1 to {MaxPeerIds} peers, and neither PeerId nor UserId.", nameof(p));
        }

        var r = await _api.CallAsync("messages.send", SendFields(p), ct);
        if (r.ValueKind != JsonValueKind.Array)
        {
            throw new VkApiException(-1, "messages.send: the response to peer_ids is not an array");
        }

        return [.. r.EnumerateArray().Select(MessagesSendResult.Read)];
    }

    public async Task<bool> EditAsync(MessageEditParams p, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(p);
        if ((p.MessageId is null) == (p.ConversationMessageId is null))
        {
            throw new ArgumentException("Set exactly one of MessageId and ConversationMessageId.", nameof(p));
        }

        RequireText(p.Message, nameof(p));
        var f = new List<KeyValuePair<string, string>>();
        Add(f, "peer_id", p.PeerId);
        Add(f, "message", p.Message);
        Add(f, "message_id", p.MessageId is { } id ? Int32(id, "message_id") : null);
        Add(f, "cmid", p.ConversationMessageId is { } cmid ? Int32(cmid, "cmid") : null);
        Add(f, "keyboard", p.Keyboard?.ToJson());
        if (p.KeepForwardMessages is { } keep)
        {
            f.Add(new("keep_forward_messages", keep ? "1" : "0"));
        }

        return IsOne(await _api.CallAsync("messages.edit", f, ct));
    }

    /// <summary>The messages of <paramref name="peerId"/>'s conversation with these numbers (unknown numbers are left out).</summary>
    public async Task<IReadOnlyList<VkMessage>> GetByConversationMessageIdAsync(long peerId, IReadOnlyCollection<long> conversationMessageIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversationMessageIds);
        if (conversationMessageIds.Count is 0 or > 100 || conversationMessageIds.Any(n => n < 0))
        {
            throw new ArgumentException("1 to 100 conversation message numbers, none negative.", nameof(conversationMessageIds));
        }

        var f = new List<KeyValuePair<string, string>>();
        Add(f, "peer_id", peerId);
        f.Add(new("conversation_message_ids", string.Join(',', conversationMessageIds.Select(VkApi.Format))));
        var r = await _api.CallAsync("messages.getByConversationMessageId", f, ct);
        if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new VkApiException(-1, "messages.getByConversationMessageId: the response has no items");
        }

        return [.. items.EnumerateArray()
            .Where(m => m.TryGetProperty("conversation_message_id", out var n) && n.ValueKind == JsonValueKind.Number)
            .Select(m => new VkMessage(
                m.GetProperty("conversation_message_id").GetInt64(),
                m.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : ""))];
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

    private static List<KeyValuePair<string, string>> SendFields(MessagesSendParams p)
    {
        if (p.RandomId == 0)
        {
            throw new ArgumentException("RandomId must be non-zero: it is what lets VK drop a retried duplicate.", nameof(p));
        }

        Int32(p.RandomId, "random_id");
        RequireText(p.Message, nameof(p));
        var f = new List<KeyValuePair<string, string>>();
        Add(f, "peer_id", p.PeerId);
        Add(f, "user_id", p.UserId);
        Add(f, "peer_ids", p.PeerIds is { } peers ? string.Join(',', peers.Select(VkApi.Format)) : null);
        Add(f, "random_id", p.RandomId);
        Add(f, "message", p.Message);
        Add(f, "keyboard", p.Keyboard?.ToJson());
        Add(f, "payload", p.Payload);
        Add(f, "intent", p.Intent is { } intent ? IntentName(intent) : null);
        return f;
    }

    /// <summary>The schema's snake_case value of <paramref name="intent"/>.</summary>
    internal static string IntentName(MessageIntent intent) => intent switch
    {
        MessageIntent.Default => "default",
        MessageIntent.AccountUpdate => "account_update",
        MessageIntent.BotAdInvite => "bot_ad_invite",
        MessageIntent.BotAdPromo => "bot_ad_promo",
        MessageIntent.ConfirmedNotification => "confirmed_notification",
        MessageIntent.CustomerSupport => "customer_support",
        MessageIntent.FinanceNotification => "finance_notification",
        MessageIntent.GameNotification => "game_notification",
        MessageIntent.ModeratedNewsletter => "moderated_newsletter",
        MessageIntent.NonPromoNewsletter => "non_promo_newsletter",
        MessageIntent.PromoNewsletter => "promo_newsletter",
        MessageIntent.PurchaseUpdate => "purchase_update",
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, "Not an intent of VK's 5.199 schema."),
    };

    // "integer" without an int64 format is int32 in VK's schema: a larger value would be refused with error 100.
    private static long Int32(long value, string name) =>
        value is >= int.MinValue and <= int.MaxValue ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} is an int32 in VK's 5.199 schema.");

    // "(Required if 'attachment' is not set.)", says the schema of messages.send and messages.edit; we send no attachments.
    private static void RequireText(string? message, string paramName)
    {
        if (string.IsNullOrEmpty(message))
        {
            throw new ArgumentException("Message is required: VK refuses a message with neither text nor attachment.", paramName);
        }
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
