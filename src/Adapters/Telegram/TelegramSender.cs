using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.ReplyMarkups;

namespace PdBot.Adapters.Telegram;

/// <summary>
/// Sends messages within Telegram's limits (about 30 per second overall, 1 per second per chat) and
/// honours 429 retry_after. Only a 429 is retried — Telegram did not send that message — so our
/// retries can never deliver a message twice; a timeout is reported, not retried.
/// </summary>
public sealed class TelegramSender(ITelegramBotClient client, TimeProvider time) : IDisposable
{
    public const int PerSecondOverall = 30;
    public const int MaxRetries = 3;
    private static readonly TimeSpan PerChatGap = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Dictionary<long, DateTimeOffset> _lastPerChat = [];

    public async Task<Message> SendMessageAsync(long chatId, string text, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                await PaceAsync(chatId, ct);
                try
                {
                    return await client.SendMessage(chatId, text, replyMarkup: markup, cancellationToken: ct);
                }
                catch (ApiRequestException e) when (e.ErrorCode == 429 && attempt < MaxRetries)
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1)), time, ct);
                }
                catch (ApiRequestException e) when (e.ErrorCode == 403)
                {
                    throw new RecipientUnreachableException("Telegram refused the message (403)", e);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task PaceAsync(long chatId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var wait = TimeSpan.Zero;
        if (_lastPerChat.TryGetValue(chatId, out var last) && now - last < PerChatGap)
        {
            wait = PerChatGap - (now - last);
        }

        while (_recent.Count > 0 && now - _recent.Peek() >= TimeSpan.FromSeconds(1))
        {
            _recent.Dequeue();
        }

        if (_recent.Count >= PerSecondOverall)
        {
            wait = TimeSpan.FromTicks(Math.Max(wait.Ticks, (TimeSpan.FromSeconds(1) - (now - _recent.Peek())).Ticks));
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct);
        }

        var sentAt = time.GetUtcNow();
        _lastPerChat[chatId] = sentAt;
        _recent.Enqueue(sentAt);
    }
}
