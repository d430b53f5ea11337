namespace PdBot.Adapters.Vk.Api;

/// <summary>The messages.edit fields we use (VkNet's names): a callback press edits its message to toggle a button.</summary>
public sealed class MessageEditParams
{
    public long PeerId { get; set; }

    /// <summary>VK documents the text as required unless an attachment is set, so resend it even when only the keyboard changes.</summary>
    public string? Message { get; set; }

    public long? MessageId { get; set; }

    /// <summary>What a message_event carries; use it instead of <see cref="MessageId"/> for messages in chats.</summary>
    public long? ConversationMessageId { get; set; }

    public MessageKeyboard? Keyboard { get; set; }

    public bool? KeepForwardMessages { get; set; }
}
