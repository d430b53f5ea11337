namespace PdBot.Core.Conversations;

/// <summary>Why a conversation was opened (<see cref="Conversation.Topic"/>).</summary>
public static class ConversationTopics
{
    /// <summary>The person asked for a person: «Позвать сотрудника», «оператор».</summary>
    public const string Asked = "asked";

    /// <summary>A message the bot does not handle itself.</summary>
    public const string Unhandled = "unhandled";

    /// <summary>A patient's answer to a notification from the clinic's systems.</summary>
    public const string Patient = "patient";

    public static string Title(string topic) => topic switch
    {
        Asked => "просьба позвать сотрудника",
        Patient => "ответ пациента",
        _ => "сообщение боту",
    };
}
