namespace PdBot.Adapters.Vk.Api;

/// <summary>The messages.send fields we use (VkNet's names). <see cref="RandomId"/> is how VK drops a retried duplicate.</summary>
public sealed class MessagesSendParams
{
    public long? PeerId { get; set; }

    public long? UserId { get; set; }

    /// <summary>Up to 100 recipients of one message (a mailing); then <see cref="MessagesCategory.SendToUserIdsAsync"/> answers per peer.</summary>
    public IReadOnlyList<long>? PeerIds { get; set; }

    /// <summary>
    /// Required and non-zero: 0 disables VK's deduplication, so a retry after a timeout could double-send. An int32:
    /// the 5.199 schema types it "integer" without an int64 format.
    /// </summary>
    public long RandomId { get; set; }

    public string? Message { get; set; }

    public MessageKeyboard? Keyboard { get; set; }

    /// <summary>A JSON string (≤ 1000 chars) VK hands back with the user's reply.</summary>
    public string? Payload { get; set; }

    /// <summary>Left out when null (VK then assumes <see cref="MessageIntent.Default"/>).</summary>
    public MessageIntent? Intent { get; set; }
}
