using System.Globalization;
using System.Text.Json;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.ReplyMarkups;
using PdBot.Adapters.Inbox;
using PdBot.Adapters.Mailings;
using PdBot.Adapters.Processing;
using PdBot.Core.Inbox;
using PdBot.Core.Mailings;
using PdBot.Core.Outbox;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Telegram;

/// <summary>
/// The Telegram channel's mapping (stored update → activity) and its Bot API calls for the outbox: messages with
/// inline keyboards, answers to presses, new keyboards under earlier messages. Every platform answer becomes a
/// <see cref="DeliveryResult"/>; a 403 means the person blocked the bot.
/// </summary>
public sealed class TelegramAdapter(ITelegramBotClient client) : IPlatformClient, IMailingClient
{
    /// <summary>About 30 messages a second overall; per chat 1 a second on average with short bursts (a turn often answers twice).</summary>
    public static readonly SendLimits TelegramLimits = new(30, 5, TimeSpan.FromSeconds(1), AtMostOnce: true);

    // Telegram's words for calls that can never succeed and lose nothing when dropped.
    private static readonly string[] Harmless = ["query is too old", "query id is invalid", "message is not modified", "message to edit not found"];

    public string Channel => TelegramActivityMapper.Channel;

    public SendLimits Limits => TelegramLimits;

    /// <summary>The Bot API has no broadcast: one chat per call.</summary>
    public int MaxRecipientsPerCall => 1;

    /// <summary>The activity a stored update stands for (null: nothing for the bot); a refused send's notice is a "blocked".</summary>
    public static Activity? ToActivity(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return UnreachableNotice.ChatIdOf(item) is { } chat
            ? Unreachable(chat)
            : TelegramActivityMapper.ToActivity(JsonSerializer.Deserialize<Update>(item.Payload, JsonBotAPI.Options)!);
    }

    public Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return CallAsync(message.Action, async ct =>
        {
            switch (message.Action)
            {
                case OutboxAction.Answer when message.PressId is { } press:
                    await client.AnswerCallbackQuery(press, string.IsNullOrEmpty(message.Text) ? null : message.Text, cancellationToken: ct);
                    break;
                case OutboxAction.Answer:
                    break; // a typed message has no spinner to stop
                case OutboxAction.Edit:
                    await client.EditMessageReplyMarkup(Chat(message), int.Parse(message.EditMessageId!, CultureInfo.InvariantCulture),
                        Markup(OutboxButtons.Read(message.Buttons)), cancellationToken: ct);
                    break;
                default:
                    await client.SendMessage(Chat(message), message.Text, replyMarkup: Markup(OutboxButtons.Read(message.Buttons)), cancellationToken: ct);
                    break;
            }
        }, cancellationToken);
    }

    /// <summary>A mailing message to one chat, with its link buttons and «Отписаться».</summary>
    public async Task<IReadOnlyList<MailingRecipientResult>> SendMailingAsync(MailingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var chat = call.ChatIds.Single();
        string? messageId = null;
        int? code = null;
        var result = await CallAsync(OutboxAction.Send, async ct =>
        {
            var sent = await client.SendMessage(long.Parse(chat, CultureInfo.InvariantCulture), call.Message.Text,
                replyMarkup: Markup(call.Message.Buttons), cancellationToken: ct);
            messageId = sent.MessageId.ToString(CultureInfo.InvariantCulture);
        }, cancellationToken, c => code = c);
        return [new MailingRecipientResult(chat, result.Status, messageId, result.Error, code, result.RetryAfter)];
    }

    /// <summary>How a Bot API error answer is taken (<paramref name="description"/> is Telegram's own words: no chat, no text).</summary>
    public static DeliveryResult Classify(int errorCode, string description, int? retryAfter, string action)
    {
        var error = $"{errorCode} {description}";
        return errorCode switch
        {
            403 => new DeliveryResult(DeliveryStatus.Unreachable, Error: error),
            429 => new DeliveryResult(DeliveryStatus.Retry, retryAfter is { } s ? TimeSpan.FromSeconds(Math.Max(1, s)) : null, error),
            >= 500 => new DeliveryResult(DeliveryStatus.Retry, Error: error),
            _ when Harmless.Any(h => description.Contains(h, StringComparison.OrdinalIgnoreCase)) => new DeliveryResult(DeliveryStatus.Dropped, Error: error),
            _ when action == OutboxAction.Send => new DeliveryResult(DeliveryStatus.Failed, Error: error),
            _ => new DeliveryResult(DeliveryStatus.Dropped, Error: error),
        };
    }

    /// <summary>One Bot API call, its every answer taken as a <see cref="DeliveryResult"/>; <paramref name="errorCode"/> hears Telegram's error code.</summary>
    private static async Task<DeliveryResult> CallAsync(string action, Func<CancellationToken, Task> call, CancellationToken cancellationToken, Action<int>? errorCode = null)
    {
        try
        {
            await call(cancellationToken);
            return DeliveryResult.Ok;
        }
        catch (ApiRequestException e)
        {
            errorCode?.Invoke(e.ErrorCode);
            return Classify(e.ErrorCode, e.Message, e.Parameters?.RetryAfter, action);
        }
        catch (RequestException e)
        {
            // No answer from Telegram (network, timeout, a proxy's 5xx page): worth another try.
            return new DeliveryResult(DeliveryStatus.Retry, Error: e.HttpStatusCode is { } status ? $"HTTP {(int)status}" : e.Message);
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult(DeliveryStatus.Retry, Error: e.HttpRequestError.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryStatus.Retry, Error: "timeout");
        }
        catch (Exception e) when (e is FormatException or ArgumentNullException or OverflowException)
        {
            // A stored call without a usable chat or message id: no attempt can succeed.
            return new DeliveryResult(DeliveryStatus.Failed, Error: "malformed chat or message id");
        }
    }

    private static long Chat(OutboxMessage message) => long.Parse(message.ChatId, CultureInfo.InvariantCulture);

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
        : new InlineKeyboardMarkup(rows.Select(row => row.Select(InlineButton)));

    // A mailing's link ("url:…") opens the address; every other button is a press the bot hears.
    private static InlineKeyboardButton InlineButton(Button b) =>
        MailingMessage.UrlOf(b) is { } url ? InlineKeyboardButton.WithUrl(b.Label, url) : InlineKeyboardButton.WithCallbackData(b.Label, b.Payload);
}
