namespace PdBot.Core.Conversations;

/// <summary>An inbox conversation is open until an operator (or the person) closes it; a new message reopens it.</summary>
public enum ConversationState
{
    Open,
    Closed,
}
