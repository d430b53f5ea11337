namespace PdBot.Bot.Admin.Inbox;

/// <summary>Which conversations the inbox lists: «непрочитанные», «открытые» (default), «все».</summary>
public enum InboxFilter
{
    Open,
    Unread,
    All,
}
