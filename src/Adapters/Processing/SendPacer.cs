using PdBot.Adapters.Fleet;

namespace PdBot.Adapters.Processing;

/// <summary>
/// A platform's pace: at most <see cref="SendLimits.PerSecondOverall"/> calls in any one-second window, and per chat a
/// token bucket of <see cref="SendLimits.PerChatBurst"/> refilled one per <see cref="SendLimits.PerChatInterval"/>.
/// It only answers how long to wait; the caller waits (on its clock). A chat whose bucket is full again is forgotten,
/// so the state stays as small as the set of recently served chats. One pacer serves a platform's turn replies and
/// its mailings: a reply waiting for the overall window goes first (<see cref="WaitAsync"/>), a mailing takes only
/// a slot no reply is waiting for (<see cref="WaitSpareAsync"/>), so a person's answer never queues behind a mailing.
/// With several hosts, a call also takes a permit from the token's budget shared by all of them (<see cref="ISendBudget"/>);
/// the per-chat pace stays the host's own, since one host sends a channel's messages (<see cref="DeploymentJobs.Outbox"/>).
/// </summary>
public sealed class SendPacer
{
    private const int MinSweep = 1024;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SpareRecheck = TimeSpan.FromMilliseconds(5);
    private readonly SendLimits _limits;
    private readonly TimeProvider _time;
    private readonly ISendBudget? _shared;
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Dictionary<string, Bucket> _chats = new(StringComparer.Ordinal);
    private int _sweepAt = MinSweep;
    private int _repliesWaiting;

    /// <param name="shared">The token's budget shared with other hosts (null: this host's pace is the whole budget).</param>
    public SendPacer(SendLimits limits, TimeProvider time, ISendBudget? shared = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        if (limits.PerSecondOverall < 1 || limits.PerChatBurst < 1 || limits.PerChatInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(limits), "Limits must be positive.");
        }

        (_limits, _time, _shared) = (limits, time, shared);
    }

    /// <summary>Chats with a bucket not full yet (the rest are forgotten).</summary>
    public int TrackedChats
    {
        get
        {
            lock (_gate)
            {
                return _chats.Count;
            }
        }
    }

    /// <summary>How long a call to <paramref name="chatId"/> must wait from now (zero: it may go now).</summary>
    public TimeSpan Delay(string chatId)
    {
        ArgumentNullException.ThrowIfNull(chatId);
        lock (_gate)
        {
            return DelayLocked(chatId, _time.GetUtcNow());
        }
    }

    /// <summary>Records a call to <paramref name="chatId"/> made now.</summary>
    public void Take(string chatId)
    {
        ArgumentNullException.ThrowIfNull(chatId);
        lock (_gate)
        {
            TakeLocked(chatId, _time.GetUtcNow());
        }
    }

    /// <summary>
    /// Takes a slot if one is free now and returns zero; otherwise takes nothing and returns how long to wait. Concurrent
    /// senders use this, so two of them cannot both see a free slot and both take it.
    /// </summary>
    public TimeSpan TryTake(string chatId)
    {
        ArgumentNullException.ThrowIfNull(chatId);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var wait = DelayLocked(chatId, now);
            if (wait == TimeSpan.Zero)
            {
                TakeLocked(chatId, now);
            }

            return wait;
        }
    }

    /// <summary>
    /// <see cref="TryTake"/> with the shared budget: takes a slot and a permit and returns zero, or returns how long to
    /// wait (a slot is taken only with a permit).
    /// </summary>
    public async ValueTask<TimeSpan> TryTakeAsync(string chatId, CancellationToken cancellationToken)
    {
        var own = Delay(chatId);
        if (own > TimeSpan.Zero)
        {
            return own;
        }

        if (_shared is not null && await _shared.TryTakeAsync(cancellationToken) is var wait && wait > TimeSpan.Zero)
        {
            return wait;
        }

        Take(chatId);
        return TimeSpan.Zero;
    }

    /// <summary>Waits on the clock for a slot for a turn's reply to <paramref name="chatId"/> and takes it; mailings wait meanwhile.</summary>
    public async Task WaitAsync(string chatId, CancellationToken cancellationToken)
    {
        await WaitOwnAsync(chatId, cancellationToken);
        await WaitSharedAsync(cancellationToken);
    }

    /// <summary>
    /// Waits for a slot no reply is waiting for, and takes it (a mailing's call). <paramref name="chatId"/> null: a call
    /// to many chats at once (VK's peer_ids), paced overall only.
    /// </summary>
    public async Task WaitSpareAsync(string? chatId, CancellationToken cancellationToken)
    {
        await WaitOwnSpareAsync(chatId, cancellationToken);
        await WaitSharedAsync(cancellationToken);
    }

    private async Task WaitSharedAsync(CancellationToken cancellationToken)
    {
        if (_shared is null)
        {
            return;
        }

        while (await _shared.TryTakeAsync(cancellationToken) is var wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    private async Task WaitOwnAsync(string chatId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chatId);
        var blocking = false; // counted in _repliesWaiting: it waits for the overall window, not for its own chat
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = _time.GetUtcNow();
                    var (overall, perChat) = PartsLocked(chatId, now);
                    var nowBlocking = overall > TimeSpan.Zero && overall >= perChat;
                    if (nowBlocking != blocking)
                    {
                        _repliesWaiting += nowBlocking ? 1 : -1;
                        blocking = nowBlocking;
                    }

                    if (overall == TimeSpan.Zero && perChat == TimeSpan.Zero)
                    {
                        TakeLocked(chatId, now);
                        return;
                    }

                    wait = overall > perChat ? overall : perChat;
                }

                await Task.Delay(wait, _time, cancellationToken);
            }
        }
        finally
        {
            if (blocking)
            {
                lock (_gate)
                {
                    _repliesWaiting--;
                }
            }
        }
    }

    private async Task WaitOwnSpareAsync(string? chatId, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                var (overall, perChat) = PartsLocked(chatId, now);
                if (_repliesWaiting == 0 && overall == TimeSpan.Zero && perChat == TimeSpan.Zero)
                {
                    TakeLocked(chatId, now);
                    return;
                }

                wait = overall > perChat ? overall : perChat;
                if (_repliesWaiting > 0 && wait < SpareRecheck)
                {
                    wait = SpareRecheck; // a reply takes the free slot first
                }
            }

            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    private TimeSpan DelayLocked(string chatId, DateTimeOffset now)
    {
        var (overall, perChat) = PartsLocked(chatId, now);
        return overall > perChat ? overall : perChat;
    }

    private (TimeSpan Overall, TimeSpan PerChat) PartsLocked(string? chatId, DateTimeOffset now)
    {
        while (_recent.Count > 0 && now - _recent.Peek() >= Window)
        {
            _recent.Dequeue();
        }

        var overall = _recent.Count < _limits.PerSecondOverall ? TimeSpan.Zero : Window - (now - _recent.Peek());
        var tokens = chatId is null ? _limits.PerChatBurst : Tokens(chatId, now);
        var perChat = tokens >= 1 ? TimeSpan.Zero : (1 - tokens) * _limits.PerChatInterval;
        return (overall, perChat);
    }

    private void TakeLocked(string? chatId, DateTimeOffset now)
    {
        _recent.Enqueue(now);
        if (chatId is null)
        {
            return;
        }

        _chats[chatId] = new Bucket(Tokens(chatId, now) - 1, now);
        if (_chats.Count >= _sweepAt)
        {
            Sweep(now);
        }
    }

    private double Tokens(string chatId, DateTimeOffset now)
    {
        if (!_chats.TryGetValue(chatId, out var b))
        {
            return _limits.PerChatBurst;
        }

        var tokens = Math.Min(_limits.PerChatBurst, b.Tokens + ((now - b.At) / _limits.PerChatInterval));
        if (tokens >= _limits.PerChatBurst)
        {
            _chats.Remove(chatId); // full again: the same as a chat never seen
        }

        return tokens;
    }

    // Amortised: a sweep runs when the count doubled since the last one, so each call pays O(1) on average.
    private void Sweep(DateTimeOffset now)
    {
        foreach (var chat in _chats.Keys.ToList())
        {
            _ = Tokens(chat, now);
        }

        _sweepAt = Math.Max(MinSweep, _chats.Count * 2);
    }

    private readonly record struct Bucket(double Tokens, DateTimeOffset At);
}
