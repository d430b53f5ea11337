using Microsoft.Extensions.Logging;
using PdBot.Adapters.Fleet;
using PdBot.Core.Outbox;

namespace PdBot.Adapters.Processing;

/// <summary>
/// Drains one platform's outbox at the platform's pace. A chat's messages go one after another, in order; different
/// chats go concurrently (at most <see cref="MaxConcurrentChats"/> calls in flight). A call the platform asks to
/// repeat waits alone (its chat's later messages wait behind it, other chats go on) and is set aside after
/// <see cref="MaxAttempts"/>; a refused cosmetic call is dropped. Delivery guarantee: each message is marked after the
/// platform accepted it; with <see cref="SendLimits.AtMostOnce"/> (Telegram) a send interrupted by a crash is set aside,
/// never repeated; otherwise (VK) it is repeated with the same random_id, which the platform de-duplicates.
/// With several hosts, one of them sends a channel's messages: the holder of <see cref="DeploymentJobs.Outbox"/>.
/// The others keep nothing in memory (the holder reads their turns' replies from the outbox); taking the channel over
/// is a restart as far as the outbox goes: it is read afresh, and a send the last holder left in flight is handled as
/// one interrupted by a crash.
/// </summary>
public sealed class OutboxSender : IDisposable
{
    public const int MaxAttempts = 5;
    public const int MaxConcurrentChats = 8;

    /// <summary>This many failed calls in a row make the channel "failing" in <c>/health</c>.</summary>
    public const int FailingAfter = 5;

    public const string InterruptedByRestart = "interrupted by a restart";

    public static readonly TimeSpan ReloadEvery = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    // A finished id is remembered this long, so a late hand-off or a reload that read before the mark cannot resend it.
    private static readonly TimeSpan RememberDone = TimeSpan.FromMinutes(1);

    private readonly IPlatformClient _client;
    private readonly IOutbox _outbox;
    private readonly Func<string, CancellationToken, Task> _onUnreachable;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SendPacer _pacer;
    private readonly string _channel;
    private readonly IDeploymentLease _lease;
    private readonly IOutboxSignals? _signals;
    private readonly string _job;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ChatLine> _lines = new(StringComparer.Ordinal);
    private readonly HashSet<long> _known = [];
    private readonly Dictionary<long, DateTimeOffset> _done = [];
    private readonly SemaphoreSlim _slots = new(MaxConcurrentChats, MaxConcurrentChats);
    private TaskCompletionSource _wake = NewWake();
    private bool _reload = true;
    private bool _holding = true;
    private int _failuresInARow;

    /// <param name="pacer">The platform's pace shared with its mailings (null: one of its own).</param>
    /// <param name="lease">Which host sends the channel's messages (null: this one, the only one).</param>
    /// <param name="signals">How this host tells the one that sends that it wrote messages (null: one host).</param>
    public OutboxSender(
        IPlatformClient client, IOutbox outbox, Func<string, CancellationToken, Task> onUnreachable, TimeProvider time, ILogger logger,
        SendPacer? pacer = null, IDeploymentLease? lease = null, IOutboxSignals? signals = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(onUnreachable);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        (_client, _outbox, _onUnreachable, _time, _logger) = (client, outbox, onUnreachable, time, logger);
        _channel = client.Channel;
        _pacer = pacer ?? new SendPacer(client.Limits, time);
        _lease = lease ?? SingleProcessLease.Instance;
        _signals = signals;
        _job = DeploymentJobs.Outbox(_channel);
    }

    /// <summary>Messages known and not finished yet (queued, waiting for a retry, or in flight).</summary>
    public int Backlog
    {
        get
        {
            lock (_gate)
            {
                return _known.Count;
            }
        }
    }

    /// <summary>True while the last <see cref="FailingAfter"/> calls all failed (to be retried or refused for good).</summary>
    public bool Failing => Volatile.Read(ref _failuresInARow) >= FailingAfter;

    /// <summary>Hands over messages just committed (a turn's replies): no store read on this path.</summary>
    public void Enqueue(IReadOnlyList<OutboxMessage> committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        lock (_gate)
        {
            if (!_holding)
            {
                // Another host sends them: it reads them from the outbox, now that it is told.
                if (committed.Any(m => m.Channel == _channel))
                {
                    _signals?.Written(_channel);
                }

                return;
            }

            foreach (var m in committed)
            {
                if (m.Channel == _channel && m.SentAtUtc is null && m.FailedAtUtc is null)
                {
                    AddLocked(m);
                }
            }

            SetBacklogLocked();
        }

        Wake();
    }

    /// <summary>Something was written to the outbox elsewhere (an approved answer, a notice): read it again.</summary>
    public void Signal()
    {
        lock (_gate)
        {
            _reload = true;
            if (!_holding)
            {
                _signals?.Written(_channel);
            }
        }

        Wake();
    }

    /// <summary>Another host wrote messages of this channel (<see cref="IOutboxSignals"/>): read the outbox again if this host sends them.</summary>
    public void Notified()
    {
        lock (_gate)
        {
            _reload = true;
        }

        Wake();
    }

    /// <summary>
    /// Delivers every message due now, one at a time in id order (a chat behind a retry is skipped), waiting for the
    /// pace on the clock. For tests and one-off runs; safe beside <see cref="RunAsync"/> (chats it is busy with are skipped).
    /// </summary>
    /// <returns>How many messages the platform accepted.</returns>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        if (!await HoldAsync(cancellationToken))
        {
            return 0;
        }

        // Always read: messages written outside turns (approved answers) are due too.
        await ReloadAsync(cancellationToken);
        var sent = 0;
        while (_lease.Holds(_job) && ClaimNextDue() is { } message)
        {
            // Claimed like a background worker claims its chat: the two never deliver the same message.
            var chat = message.ChatId;
            try
            {
                if (await DeliverAsync(message, cancellationToken))
                {
                    sent++;
                }
            }
            finally
            {
                ReleaseChat(chat);
            }
        }

        return sent;
    }

    /// <summary>The background loop: reads the outbox at start, on <see cref="Signal"/> and every 5 s, and drains it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var running = new List<Task>();
        var loadedAt = DateTimeOffset.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wake = Volatile.Read(ref _wake).Task;
            if (!await HoldAsync(cancellationToken))
            {
                running.RemoveAll(t => t.IsCompleted);
                await SleepAsync(wake, DeploymentJobs.Recheck, cancellationToken);
                continue;
            }

            if (ReloadDue() || _time.GetUtcNow() - loadedAt >= ReloadEvery)
            {
                loadedAt = _time.GetUtcNow();
                try
                {
                    await ReloadAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    OutboxSenderLog.ReloadFailed(_logger, _channel, ex);
                }
            }

            running.RemoveAll(t => t.IsCompleted);
            foreach (var chat in TakeDueChats())
            {
                running.Add(RunChatAsync(chat, cancellationToken));
            }

            var now = _time.GetUtcNow();
            var wait = loadedAt + ReloadEvery - now;
            if (EarliestRetry() is { } retry && retry - now < wait)
            {
                wait = retry - now;
            }

            await SleepAsync(wake, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken);
        }

        await Task.WhenAll(running); // each worker handles its own failures
    }

    public void Dispose() => _slots.Dispose();

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, attempts - 1)));

    private void Wake() => Interlocked.Exchange(ref _wake, NewWake()).TrySetResult();

    private async Task SleepAsync(Task wake, TimeSpan wait, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(wake, Task.Delay(wait, _time, stop.Token));
        await stop.CancelAsync();
    }

    /// <summary>
    /// Whether this host sends the channel's messages now. Not holding: what is not in flight leaves memory. Taking the
    /// channel (back): once the last workers are done, memory is cleared and the outbox read afresh, since another host
    /// may have sent what was remembered.
    /// </summary>
    private async Task<bool> HoldAsync(CancellationToken ct)
    {
        var holds = await _lease.TryHoldAsync(_job, ct);
        lock (_gate)
        {
            if (!holds)
            {
                _holding = false;
                foreach (var (chat, line) in _lines.Where(l => !l.Value.Busy).ToList())
                {
                    _lines.Remove(chat);
                    _known.ExceptWith(line.Messages.Keys);
                }

                SetBacklogLocked();
                return false;
            }

            if (_holding)
            {
                return true;
            }

            if (_lines.Values.Any(l => l.Busy))
            {
                return false; // the last term's workers are finishing their calls
            }

            (_holding, _reload) = (true, true);
            _lines.Clear();
            _known.Clear();
            _done.Clear();
            SetBacklogLocked();
            return true;
        }
    }

    private bool ReloadDue()
    {
        lock (_gate)
        {
            return _reload;
        }
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        DateTimeOffset readAt;
        lock (_gate)
        {
            _reload = false;
            readAt = _time.GetUtcNow();
        }

        var pending = _outbox.Pending(_channel);
        var interrupted = new List<OutboxMessage>();
        lock (_gate)
        {
            foreach (var m in pending)
            {
                if (_known.Contains(m.Id) || _done.ContainsKey(m.Id))
                {
                    continue;
                }

                // Made before a crash, outcome unknown: Telegram has no idempotency key, so never again (at most once).
                if (m.InFlightAtUtc is not null && _client.Limits.AtMostOnce)
                {
                    interrupted.Add(m);
                    continue;
                }

                AddLocked(m);
            }

            // The read above saw every mark finished well before it began: those need not be remembered any longer.
            foreach (var id in _done.Where(d => d.Value < readAt - RememberDone).Select(d => d.Key).ToList())
            {
                _done.Remove(id);
            }

            SetBacklogLocked();
        }

        foreach (var m in interrupted)
        {
            await SetAsideAsync(m, InterruptedByRestart, ct);
        }
    }

    private void AddLocked(OutboxMessage m)
    {
        if (_done.ContainsKey(m.Id) || !_known.Add(m.Id))
        {
            return; // already queued, in flight or finished: never twice
        }

        if (!_lines.TryGetValue(m.ChatId, out var line))
        {
            _lines[m.ChatId] = line = new ChatLine();
        }

        line.Messages.Add(m.Id, m);
    }

    private void SetBacklogLocked() => ProcessingMetrics.OutboxBacklog.WithLabels(_channel).Set(_known.Count);

    private bool IsDue(OutboxMessage m) => m.NextAttemptAtUtc is not { } at || at <= _time.GetUtcNow().UtcDateTime;

    /// <summary>The due head message with the smallest id among the chats no worker has (for the one-at-a-time run); its chat is marked busy.</summary>
    private OutboxMessage? ClaimNextDue()
    {
        lock (_gate)
        {
            var next = _lines.Values.Where(l => !l.Busy && l.Messages.Count > 0 && IsDue(l.Messages.Values[0]))
                .MinBy(l => l.Messages.Values[0].Id);
            if (next is null)
            {
                return null;
            }

            next.Busy = true;
            return next.Messages.Values[0];
        }
    }

    private void ReleaseChat(string chat)
    {
        lock (_gate)
        {
            if (_lines.TryGetValue(chat, out var line))
            {
                line.Busy = false;
                if (line.Messages.Count == 0)
                {
                    _lines.Remove(chat);
                }
            }
        }

        Wake();
    }

    private DateTimeOffset? EarliestRetry()
    {
        lock (_gate)
        {
            return _lines.Values.Where(l => !l.Busy && l.Messages.Count > 0).Select(l => l.Messages.Values[0].NextAttemptAtUtc).Min() is { } at
                ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))
                : null;
        }
    }

    /// <summary>Chats with a due head and no worker: they are marked busy and handed to a worker each.</summary>
    private List<string> TakeDueChats()
    {
        lock (_gate)
        {
            var due = _lines.Where(l => !l.Value.Busy && l.Value.Messages.Count > 0 && IsDue(l.Value.Messages.Values[0])).Select(l => l.Key).ToList();
            foreach (var chat in due)
            {
                _lines[chat].Busy = true;
            }

            return due;
        }
    }

    private async Task RunChatAsync(string chat, CancellationToken ct)
    {
        await Task.Yield(); // the loop goes on starting other chats
        var slot = false;
        try
        {
            await _slots.WaitAsync(ct);
            slot = true;
            while (_lease.Holds(_job) && NextOf(chat) is { } message)
            {
                await DeliverAsync(message, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping: what is left is read again at the next start
        }
        catch (Exception ex)
        {
            OutboxSenderLog.ChatFailed(_logger, _channel, ex);
            Forget(chat);
        }
        finally
        {
            if (slot)
            {
                _slots.Release();
            }

            ReleaseChat(chat);
        }
    }

    /// <summary>The chat's head message if it is due; otherwise null (its worker ends).</summary>
    private OutboxMessage? NextOf(string chat)
    {
        lock (_gate)
        {
            return _lines.TryGetValue(chat, out var line) && line.Messages.Count > 0 && IsDue(line.Messages.Values[0])
                ? line.Messages.Values[0] : null;
        }
    }

    /// <summary>After a store failure: the chat's messages leave memory and come back with the next reload.</summary>
    private void Forget(string chat)
    {
        lock (_gate)
        {
            if (_lines.Remove(chat, out var line))
            {
                _known.ExceptWith(line.Messages.Keys);
            }

            _reload = true;
            SetBacklogLocked();
        }
    }

    /// <summary>One platform call and what follows from its result.</summary>
    /// <returns>True if the platform accepted it.</returns>
    private async Task<bool> DeliverAsync(OutboxMessage m, CancellationToken ct)
    {
        var chat = m.ChatId; // marking may clear it
        if (m.Action != OutboxAction.Answer)
        {
            // Answers are not paced: Telegram wants them within 15 s of the press.
            await _pacer.WaitAsync(m.ChatId, ct);
        }

        if (_client.Limits.AtMostOnce && m.Action == OutboxAction.Send)
        {
            await _outbox.MarkInFlightAsync(m, Now(), ct);
        }

        DeliveryResult result;
        try
        {
            result = await _client.DeliverAsync(m, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            result = new DeliveryResult(DeliveryStatus.Retry, Error: ex.GetType().Name);
        }

        var finished = true;
        switch (result.Status)
        {
            case DeliveryStatus.Sent:
                await _outbox.MarkDeliveredAsync(m, Now(), ct);
                Count("sent", failed: false);
                break;
            case DeliveryStatus.Dropped:
                OutboxSenderLog.Dropped(_logger, _channel, m.Action, result.Error);
                await DropAsync(m, result.Error, ct);
                Count("dropped", failed: false);
                break;
            case DeliveryStatus.Unreachable:
                await _onUnreachable(chat, ct);
                await SetAsideAsync(m, result.Error ?? "unreachable", ct);
                Count("unreachable", failed: false);
                break;
            case DeliveryStatus.Retry when m.Attempts + 1 < MaxAttempts:
                m.Attempts++;
                (m.LastError, m.InFlightAtUtc) = (result.Error, null);
                m.NextAttemptAtUtc = Now() + (result.RetryAfter ?? Backoff(m.Attempts));
                await _outbox.RescheduleAsync(m, ct);
                Count("retried", failed: true);
                finished = false;
                break;
            default:
                m.Attempts++;
                OutboxSenderLog.SetAside(_logger, _channel, m.Action, m.Attempts, result.Error);
                await SetAsideAsync(m, result.Error ?? result.Status.ToString(), ct);
                Count("failed", failed: true);
                break;
        }

        if (finished)
        {
            Finish(m, chat);
        }

        return result.Status == DeliveryStatus.Sent;
    }

    // A refused cosmetic call of a turn is simply gone; anything else (a request's answer) is kept, set aside, never shown as delivered.
    private Task DropAsync(OutboxMessage m, string? error, CancellationToken ct) =>
        m.Kind == OutboxKind.TurnReply ? _outbox.MarkDeliveredAsync(m, Now(), ct) : SetAsideAsync(m, error ?? "dropped", ct);

    private Task SetAsideAsync(OutboxMessage m, string error, CancellationToken ct) => _outbox.SetAsideAsync(m, error, Now(), ct);

    private void Finish(OutboxMessage m, string chat)
    {
        lock (_gate)
        {
            if (_lines.TryGetValue(chat, out var line))
            {
                line.Messages.Remove(m.Id);
                if (line.Messages.Count == 0 && !line.Busy)
                {
                    _lines.Remove(chat);
                }
            }

            _known.Remove(m.Id);
            _done[m.Id] = _time.GetUtcNow();
            SetBacklogLocked();
        }
    }

    private void Count(string result, bool failed)
    {
        ProcessingMetrics.Sends.WithLabels(_channel, result).Inc();
        if (failed)
        {
            Interlocked.Increment(ref _failuresInARow);
        }
        else
        {
            Volatile.Write(ref _failuresInARow, 0);
        }
    }

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;

    /// <summary>One chat's waiting messages by id, and whether a worker is on them.</summary>
    private sealed class ChatLine
    {
        public SortedList<long, OutboxMessage> Messages { get; } = [];

        public bool Busy { get; set; }
    }
}
