using System.Collections.Concurrent;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Processing;

/// <summary>
/// Presses beyond <see cref="Burst"/> a second from one person are folded away instead of becoming turns (the
/// person gets one polite answer per <see cref="NoticeInterval"/>), so a person tapping a button hundreds of times
/// costs almost nothing and delays nobody. Counted by arrival time, so a backlog does not look like a flood.
/// Entries older than the window are pruned, so memory follows the people pressing right now.
/// </summary>
public sealed class FloodControl
{
    public const int Burst = 5;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan NoticeInterval = TimeSpan.FromSeconds(10);
    /// <summary>The window of <see cref="ProcessingOptions.MaxQueuedPerPerson"/>: that many updates within a minute is a flood.</summary>
    public static readonly TimeSpan QueueWindow = TimeSpan.FromMinutes(1);
    private const int PruneEvery = 4096;

    private readonly ConcurrentDictionary<string, PressWindow> _windows = new(StringComparer.Ordinal);
    private int _calls;

    /// <summary>What to do with a press: run it, or fold it (and whether to tell the person to slow down).</summary>
    public FloodDecision Check(string personKey, Activity activity, DateTime receivedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityType.ButtonPress)
        {
            return FloodDecision.Run;
        }

        if (Interlocked.Increment(ref _calls) % PruneEvery == 0)
        {
            Prune(receivedAtUtc);
        }

        var window = _windows.GetOrAdd(personKey, _ => new PressWindow());
        lock (window)
        {
            while (window.Presses.Count > 0 && receivedAtUtc - window.Presses.Peek() >= Window)
            {
                window.Presses.Dequeue();
            }

            if (window.Presses.Count < Burst)
            {
                window.Presses.Enqueue(receivedAtUtc);
                return FloodDecision.Run;
            }

            if (window.NoticeAtUtc is { } at && receivedAtUtc - at < NoticeInterval)
            {
                return FloodDecision.Fold;
            }

            window.NoticeAtUtc = receivedAtUtc;
            return FloodDecision.FoldAndNotice;
        }
    }

    /// <summary>
    /// An update folded because its person floods the queue: whether to tell them now. One notice per
    /// <see cref="QueueWindow"/> per person (a flood of messages lasts longer than a burst of presses).
    /// </summary>
    public FloodDecision Fold(string personKey, DateTime receivedAtUtc)
    {
        if (Interlocked.Increment(ref _calls) % PruneEvery == 0)
        {
            Prune(receivedAtUtc);
        }

        var window = _windows.GetOrAdd(personKey, _ => new PressWindow());
        lock (window)
        {
            if (window.NoticeAtUtc is { } at && receivedAtUtc - at < QueueWindow)
            {
                return FloodDecision.Fold;
            }

            window.NoticeAtUtc = receivedAtUtc;
            return FloodDecision.FoldAndNotice;
        }
    }

    private void Prune(DateTime nowUtc)
    {
        foreach (var (key, window) in _windows)
        {
            lock (window)
            {
                var last = window.Presses.Count > 0 ? window.Presses.Max() : DateTime.MinValue;
                if (nowUtc - last >= NoticeInterval && (window.NoticeAtUtc is null || nowUtc - window.NoticeAtUtc >= NoticeInterval))
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class PressWindow
    {
        public Queue<DateTime> Presses { get; } = new();

        public DateTime? NoticeAtUtc { get; set; }
    }
}
