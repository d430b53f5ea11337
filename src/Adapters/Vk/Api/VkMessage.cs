namespace PdBot.Adapters.Vk.Api;

/// <summary>The fields of a stored message we read back (messages.getByConversationMessageId): its number in the conversation and its text.</summary>
public sealed record VkMessage(long ConversationMessageId, string Text);
