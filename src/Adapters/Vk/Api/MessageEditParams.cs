namespace PdBot.Adapters.Vk.Api;

/// <summary>
/// The messages.edit fields we use (VkNet's names): a callback press edits its message to toggle a button. The ids are
/// int32 in the 5.199 schema; exactly one of <see cref="MessageId"/> and <see cref="ConversationMessageId"/> is set.
/// </summary>
public sealed class MessageEditParams
{
    public long PeerId { get; set; }

    /// <summary>Required: the schema says so unless an attachment is set (we send none), so resend it even when only the keyboard changes.</summary>
    public string? Message { get; set; }

    public long? MessageId { get; set; }

    /// <summary>
    /// What a message_event carries; use it instead of <see cref="MessageId"/> for messages in chats. Sent as <c>cmid</c>,
    /// the name of the 5.199 schema (VkNet still sends the old <c>conversation_message_id</c>).
    /// </summary>
    public long? ConversationMessageId { get; set; }

    public MessageKeyboard? Keyboard { get; set; }

    public bool? KeepForwardMessages { get; set; }
}
