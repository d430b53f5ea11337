using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.ReplyMarkups;

namespace PdBot.Adapters.Telegram;

/// <summary>
/// Sends messages within Telegram's limits (about 30 per second overall; per chat 1 per second on
/// average, with the short bursts Telegram allows — a turn often answers with two messages) and
/// honours 429 retry_after. Only a 429 is retried — Telegram did not send that message — so our
/// retries can never deliver a message twice; a timeout is reported, not retried.
/// </summary>
public sealed class TelegramSender(ITelegramBotClient client, TimeProvider time) : IDisposable
{
    public const int PerSecondOverall = 30;
    public const int MaxRetries = 3;
    public const int PerChatBurst = 5;
    private static readonly TimeSpan PerChatRefill = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Dictionary<long, (double Tokens, DateTimeOffset At)> _perChat = [];

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

        // Per chat: a token bucket of PerChatBurst, refilled one per second.
        var (tokens, at) = _perChat.TryGetValue(chatId, out var b) ? b : (PerChatBurst, now);
        tokens = Math.Min(PerChatBurst, tokens + ((now - at) / PerChatRefill));
        var wait = tokens >= 1 ? TimeSpan.Zero : (1 - tokens) * PerChatRefill;

        // Overall: at most PerSecondOverall sends in any one-second window.
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
            tokens += wait / PerChatRefill;
        }

        var sentAt = time.GetUtcNow();
        _perChat[chatId] = (tokens - 1, sentAt);
        _recent.Enqueue(sentAt);
    }
}
