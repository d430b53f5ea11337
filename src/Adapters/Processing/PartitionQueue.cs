using PdBot.Core.Inbox;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Processing;

/// <summary>
/// Updates partitioned by person: one person's updates are handed out strictly in order and one at a time, different
/// people's concurrently. Ready partitions are served round-robin (after each update a partition goes to the back,
/// so one person flooding the bot cannot starve the others), and partitions holding a demand to stop are served
/// before all others. Partitions are dropped as soon as they are empty, so memory follows the backlog, not the
/// number of people ever seen.
/// </summary>
public sealed class PartitionQueue : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Partition> _partitions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly LinkedList<Partition> _urgent = new();
    private readonly LinkedList<Partition> _normal = new();
    private readonly SemaphoreSlim _ready = new(0);
    private int _running;
    private long _bytes;
    private TaskCompletionSource? _idle;

    /// <summary>Updates queued or running (not parked ones' retries).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _known.Count;
            }
        }
    }

    /// <summary>UTF-8 bytes of the payloads queued or running (<see cref="Count"/>'s updates).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// Whether <paramref name="limit"/> more of the person's updates arrived within <paramref name="window"/> after their
    /// head update: a flood, not a backlog (a backlog after a restart has arrival times spread out).
    /// </summary>
    public bool IsFlooding(Partition partition, int limit, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(partition);
        lock (_lock)
        {
            if (limit <= 0 || partition.Items.Count <= limit)
            {
                return false;
            }

            var head = partition.Items.Peek().Item.ReceivedAtUtc;
            return partition.Items.ElementAt(limit).Item.ReceivedAtUtc - head <= window;
        }
    }

    /// <summary>The partition key of an update: its person, or the update itself when it has none.</summary>
    public static string KeyOf(InboxItem item, Activity? activity)
    {
        ArgumentNullException.ThrowIfNull(item);
        return activity is null ? "item:" + item.Id : $"{activity.ChannelId}:{activity.UserId}";
    }

    /// <returns>False when the update is already queued or running (a reload found it again).</returns>
    public bool Add(InboxWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var key = KeyOf(work.Item, work.Activity);
        lock (_lock)
        {
            if (!_known.Add(work.Item.Id))
            {
                return false;
            }

            if (!_partitions.TryGetValue(key, out var p))
            {
                p = new Partition(key);
                _partitions[key] = p;
            }

            p.Items.Enqueue(work);
            _bytes += work.Bytes;
            if (work.Item.Urgent)
            {
                p.UrgentCount++;
            }

            if (!p.Running && !p.Parked && !p.Held)
            {
                MakeReadyLocked(p);
            }
        }

        return true;
    }

    /// <summary>
    /// Holds a person's partition while something outside the loop acts for them (a mailing's send): succeeds only
    /// when they have no update queued, running or waiting for a retry. While held their new updates queue but do not
    /// start, so what is decided under the hold and their next turn are strictly ordered; <see cref="Release"/> ends it.
    /// </summary>
    public bool TryHold(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            if (_partitions.ContainsKey(key))
            {
                return false;
            }

            _partitions[key] = new Partition(key) { Held = true };
            return true;
        }
    }

    /// <summary>Ends a hold taken with <see cref="TryHold"/>: updates that arrived meanwhile become ready.</summary>
    public void Release(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            if (!_partitions.TryGetValue(key, out var p) || !p.Held)
            {
                return;
            }

            p.Held = false;
            MakeReadyLocked(p);
        }
    }

    public bool Knows(string itemId)
    {
        lock (_lock)
        {
            return _known.Contains(itemId);
        }
    }

    /// <summary>Waits for a ready partition and hands out its head update.</summary>
    public async Task<(Partition Partition, InboxWork Work)> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _ready.WaitAsync(cancellationToken);
            if (TryTakeLocked(out var taken))
            {
                return taken;
            }
        }
    }

    /// <summary>Hands out the head update of the next ready partition, if any (no waiting).</summary>
    public bool TryTake(out (Partition Partition, InboxWork Work) taken)
    {
        if (!_ready.Wait(0))
        {
            taken = default;
            return false;
        }

        return TryTakeLocked(out taken);
    }

    /// <summary>The head update is finished (committed or set aside): the partition's next one becomes ready.</summary>
    public void Complete(Partition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        lock (_lock)
        {
            var done = partition.Items.Dequeue();
            _known.Remove(done.Item.Id);
            _bytes -= done.Bytes;
            if (done.Item.Urgent)
            {
                partition.UrgentCount--;
            }

            partition.Running = false;
            _running--;
            AfterRunLocked(partition);
        }
    }

    /// <summary>
    /// A turn ran in the head update's place (an older update of the same person, stored by another host): the head
    /// stays and the partition is ready again, behind the others.
    /// </summary>
    public void Again(Partition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        lock (_lock)
        {
            partition.Running = false;
            _running--;
            AfterRunLocked(partition);
        }
    }

    /// <summary>The head update failed and is retried at <paramref name="retry"/>; the person's later updates wait, nobody else does.</summary>
    public void Park(Partition partition, TimeSpan retry, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(time);
        lock (_lock)
        {
            partition.Running = false;
            partition.Parked = true;
            _running--;
            SignalIdleLocked();
        }

        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                lock (_lock)
                {
                    partition.Parked = false;
                    MakeReadyLocked(partition);
                }

                timer?.Dispose();
            },
            null, retry, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Completes when nothing is ready or running (parked partitions wait for their time and do not count).</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            if (_running == 0 && _urgent.Count == 0 && _normal.Count == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    public void Dispose() => _ready.Dispose();

    private bool TryTakeLocked(out (Partition Partition, InboxWork Work) taken)
    {
        lock (_lock)
        {
            var list = _urgent.Count > 0 ? _urgent : _normal;
            if (list.First is not { } node)
            {
                taken = default;
                return false;
            }

            list.RemoveFirst();
            var p = node.Value;
            p.Ready = null;
            p.Running = true;
            _running++;
            taken = (p, p.Items.Peek());
            return true;
        }
    }

    private void AfterRunLocked(Partition p)
    {
        if (p.Items.Count > 0)
        {
            MakeReadyLocked(p);
        }
        else
        {
            _partitions.Remove(p.Key);
            SignalIdleLocked();
        }
    }

    private void MakeReadyLocked(Partition p)
    {
        if (p.Ready is { } node)
        {
            // Already waiting: a demand to stop arrived behind other work, so move it up.
            if (p.UrgentCount > 0 && node.List == _normal)
            {
                _normal.Remove(node);
                p.Ready = _urgent.AddLast(p);
            }

            return;
        }

        if (p.Items.Count == 0)
        {
            _partitions.Remove(p.Key);
            SignalIdleLocked();
            return;
        }

        p.Ready = (p.UrgentCount > 0 ? _urgent : _normal).AddLast(p);
        _ready.Release();
    }

    private void SignalIdleLocked()
    {
        if (_idle is { } idle && _running == 0 && _urgent.Count == 0 && _normal.Count == 0)
        {
            _idle = null;
            idle.TrySetResult();
        }
    }
}
