namespace PdBot.Bot.Admin.Chat;

/// <summary>Who said a line of the test chat's transcript.</summary>
public enum WebChatEntryKind
{
    /// <summary>A message the admin typed (as the person).</summary>
    Person,

    /// <summary>A button the admin pressed; the entry's text is the button's label.</summary>
    Press,

    /// <summary>A message from the bot, with its current buttons.</summary>
    Bot,

    /// <summary>The bot's short answer to a press (Telegram shows it as a toast).</summary>
    Hint,
}
