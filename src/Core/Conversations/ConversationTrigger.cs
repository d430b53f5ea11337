namespace PdBot.Core.Conversations;

public enum ConversationTrigger
{
    Close,
    Reopen,
}
