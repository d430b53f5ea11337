using System.Globalization;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using PdBot.Core.People;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Telegram;

/// <summary>Translates a Telegram update into PdBot's channel-neutral activity; updates PdBot ignores map to null.</summary>
public static class TelegramActivityMapper
{
    public const string Channel = "telegram";

    public static Activity? ToActivity(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var key = update.Id.ToString(CultureInfo.InvariantCulture);
        return update switch
        {
            { Message: { Text: { } text, From: { } from } m } => new Activity
            {
                Type = ActivityType.Message,
                ChannelId = Channel,
                UserId = Id(from.Id),
                ChatId = Id(m.Chat.Id),
                Text = StartParameter(text) is null ? text : "/start",
                Source = SubscriptionSource.Clean(StartParameter(text)),
                MessageId = Id(m.Id),
                DedupeKey = key,
                Timestamp = m.Date,
            },
            { CallbackQuery: { } q } => new Activity
            {
                Type = ActivityType.ButtonPress,
                ChannelId = Channel,
                UserId = Id(q.From.Id),
                ChatId = q.Message is { } pm ? Id(pm.Chat.Id) : Id(q.From.Id),
                Payload = q.Data,
                ReplyToId = q.Message is { } qm ? Id(qm.Id) : null,
                ButtonPressId = q.Id,
                MessageId = "cb-" + q.Id,
                DedupeKey = key,
            },
            { MyChatMember: { Chat.Type: ChatType.Private } c } => new Activity
            {
                Type = c.NewChatMember.Status == ChatMemberStatus.Kicked ? ActivityType.Blocked : ActivityType.Subscribed,
                ChannelId = Channel,
                UserId = Id(c.From.Id),
                ChatId = Id(c.Chat.Id),
                MessageId = "member-" + key,
                DedupeKey = key,
                Timestamp = c.Date,
            },
            _ => null,
        };
    }

    /// <summary>
    /// A subscription link (t.me/bot?start=poster) opens the chat with «/start poster»: the parameter is the link's
    /// source, not something the person typed, so the bot reads plain «/start». Null when there is none.
    /// </summary>
    private static string? StartParameter(string text)
    {
        var parts = text.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        var command = parts.Length == 2 ? parts[0].Split('@', 2)[0] : "";
        return string.Equals(command, "/start", StringComparison.OrdinalIgnoreCase) ? parts[1].Trim() : null;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
