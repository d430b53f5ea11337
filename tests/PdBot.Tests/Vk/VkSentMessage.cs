using System.Text.Json;

namespace PdBot.Tests.Vk;

/// <summary>A message really sent by <c>messages.send</c> (a repeated random_id is not one): the keyboard is parsed (null when none was sent).</summary>
public sealed record VkSentMessage(long MessageId, long PeerId, long RandomId, string? Message, JsonElement? Keyboard, string? Payload)
{
    /// <summary>The message's number in its conversation (from 101 per peer here): what a message_event for its buttons carries.</summary>
    public long ConversationMessageId { get; init; }

    /// <summary>messages.send's intent as sent (null when none was).</summary>
    public string? Intent { get; init; }
}
