using Microsoft.Extensions.Logging;
using PdBot.Core.Inbox;

namespace PdBot.Adapters.Inbox;

/// <summary>
/// Processes one channel's stored updates in order, one at a time. Woken when an update is stored;
/// on start it first finishes whatever a crash left unprocessed. A failing update is retried a few
/// times, then set aside with its error so it cannot block the queue.
/// </summary>
public sealed partial class InboxWorker(IInbox inbox, string channel, Func<InboxItem, CancellationToken, Task> process, TimeProvider time, ILogger logger) : IDisposable
{
    public const int MaxAttempts = 5;
    private readonly System.Threading.Channels.Channel<bool> _signal =
        System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });

    private readonly SemaphoreSlim _draining = new(1, 1);

    /// <summary>Something was stored: process it soon.</summary>
    public void Signal() => _signal.Writer.TryWrite(true);

    /// <summary>Waits for a signal, or 30 s (to retry what failed), whichever comes first.</summary>
    public async Task RunUntilSignalAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _signal.Reader.WaitToReadAsync(stoppingToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), time, stoppingToken);
            _signal.Reader.TryRead(out _);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>Processes everything stored and not yet processed; returns how many items were handled.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        // One drain at a time: two drains reading the same unprocessed item would process it twice.
        await _draining.WaitAsync(ct);
        try
        {
            return await DrainLockedAsync(ct);
        }
        finally
        {
            _draining.Release();
        }
    }

    public void Dispose() => _draining.Dispose();

    private async Task<int> DrainLockedAsync(CancellationToken ct)
    {
        var handled = 0;

        // Processing may store new items (a send refused with 403 becomes a "blocked" update): drain until empty.
        for (var pass = inbox.Unprocessed(channel); pass.Count > 0; pass = inbox.Unprocessed(channel))
        {
            foreach (var item in pass)
            {
                if (!await TryProcessAsync(item, ct))
                {
                    return handled; // keep the order: retry this one next round
                }

                handled++;
            }
        }

        return handled;
    }

    private async Task<bool> TryProcessAsync(InboxItem item, CancellationToken ct)
    {
        try
        {
            await process(item, ct);
            await inbox.MarkProcessedAsync(item, time.GetUtcNow().UtcDateTime, null, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, channel, item.ReceivedAtUtc, item.Attempts + 1);
            if (item.Attempts + 1 >= MaxAttempts)
            {
                await inbox.MarkProcessedAsync(item, time.GetUtcNow().UtcDateTime, "gave up: " + ex.GetType().Name, ct);
                return true;
            }

            await inbox.MarkFailedAsync(item, ex.GetType().Name, ct);
            return false;
        }
    }

    // Not the item id: a refused-send notice carries the chat id, which is personal data.
    [LoggerMessage(Level = LogLevel.Error, Message = "Processing a {Channel} update received {ReceivedAtUtc:O} failed (attempt {Attempt})")]
    private partial void LogFailed(Exception ex, string channel, DateTime receivedAtUtc, int attempt);
}
