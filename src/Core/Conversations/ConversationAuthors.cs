namespace PdBot.Core.Conversations;

/// <summary>Who wrote a <see cref="ConversationMessage"/> besides operators (whose login is the author).</summary>
public static class ConversationAuthors
{
    public const string Person = "person";

    public const string System = "system";
}
