using System.Globalization;
using System.Text.Json;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.ReplyMarkups;
using PdBot.Adapters.Inbox;
using PdBot.Core.Inbox;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Telegram;

/// <summary>
/// The Telegram channel: runs stored updates through the bot and renders its messages as inline
/// keyboards. A 403 on send is stored as a "blocked" update, so the person is marked unreachable
/// and their mailing stops, exactly as when Telegram reports the block itself.
/// </summary>
public sealed class TelegramAdapter : BotAdapter
{
    private readonly ITelegramBotClient _client;
    private readonly TelegramSender _sender;
    private readonly IInbox _inbox;
    private readonly IBot _bot;
    private readonly TimeProvider _time;

    public TelegramAdapter(ITelegramBotClient client, TelegramSender sender, IInbox inbox, IBot bot, IEnumerable<IMiddleware> middleware, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        (_client, _sender, _inbox, _bot, _time) = (client, sender, inbox, bot, time);
        foreach (var m in middleware)
        {
            Use(m);
        }
    }

    /// <summary>Processes one stored update (called by the inbox worker).</summary>
    public Task ProcessAsync(InboxItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        var activity = UnreachableNotice.ChatIdOf(item) is { } chat
            ? Unreachable(chat)
            : TelegramActivityMapper.ToActivity(JsonSerializer.Deserialize<Update>(item.Payload, JsonBotAPI.Options)!);
        return activity is null ? Task.CompletedTask : ProcessActivityAsync(activity, _bot, ct);
    }

    public override async Task<string> SendAsync(ITurnContext turn, BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(message);
        var chatId = long.Parse(turn.Activity.ChatId, CultureInfo.InvariantCulture);
        try
        {
            var sent = await _sender.SendMessageAsync(chatId, message.Text, Markup(message.Buttons), cancellationToken);
            return sent.Id.ToString(CultureInfo.InvariantCulture);
        }
        catch (RecipientUnreachableException)
        {
            await _inbox.TryAddAsync(UnreachableNotice.Create(TelegramActivityMapper.Channel, turn.Activity.ChatId, _time), cancellationToken);
            return "";
        }
    }

    public override Task AnswerButtonAsync(ITurnContext turn, string? hint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Activity.ButtonPressId is { } id
            ? _client.AnswerCallbackQuery(id, string.IsNullOrEmpty(hint) ? null : hint, cancellationToken: cancellationToken)
            : Task.CompletedTask;
    }

    public override async Task UpdateButtonsAsync(ITurnContext turn, string messageId, IReadOnlyList<IReadOnlyList<Button>> buttons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        try
        {
            await _client.EditMessageReplyMarkup(long.Parse(turn.Activity.ChatId, CultureInfo.InvariantCulture),
                int.Parse(messageId, CultureInfo.InvariantCulture), Markup(buttons), cancellationToken: cancellationToken);
        }
        catch (ApiRequestException e) when (e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            // The keyboard already shows this state (a double tap): nothing to change.
        }
    }

    private static Activity Unreachable(string chatId) => new()
    {
        Type = ActivityType.Blocked,
        ChannelId = TelegramActivityMapper.Channel,
        UserId = chatId,
        ChatId = chatId,
        MessageId = "send-403",
    };

    private static InlineKeyboardMarkup? Markup(IReadOnlyList<IReadOnlyList<Button>> rows) =>
        rows.Count == 0 ? null
        : new InlineKeyboardMarkup(rows.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Payload))));
}
