using System.Collections.Concurrent;
using System.Diagnostics;
using LiteDB;

namespace PdBot.Adapters.LiteDb;

/// <summary>
/// The only writer of the database. It owns one OS thread, because LiteDB ties a transaction to the
/// thread that began it, and commits whatever is queued in one transaction (group commit): one disk
/// flush serves many events. Under load a batch lingers briefly for more work (up to a size cap), so the
/// batch grows with the load rather than with the number of callers waiting at that instant. A caller's
/// task completes only after its batch is committed.
/// </summary>
public sealed class GroupCommitWriter : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly int _maxBatch;
    private readonly TimeSpan _linger;
    private readonly Action _afterRollback;
    private readonly BlockingCollection<WorkItem> _queue = [];
    private readonly Thread _thread;

    /// <param name="linger">How long a batch waits for more work when the previous one was shared (load is present); idle writes never wait.</param>
    public GroupCommitWriter(LiteDatabase db, Action afterRollback, int maxBatch = 2000, TimeSpan? linger = null)
    {
        _db = db;
        _afterRollback = afterRollback;
        _maxBatch = maxBatch;
        _linger = linger ?? TimeSpan.FromMilliseconds(2);
        _thread = new Thread(Run) { IsBackground = true, Name = "pdbot-db-writer" };
        _thread.Start();
    }

    /// <summary>Queues <paramref name="work"/>; it runs on the writer thread inside a transaction.</summary>
    /// <remarks>Inside a <see cref="DeferredWrites"/> scope the work is collected there and committed with the turn.</remarks>
    public Task WriteAsync(Action<LiteDatabase> work)
    {
        if (DeferredWrites.Current is { } turn)
        {
            turn.Add(work);
            return Task.CompletedTask;
        }

        return Enqueue(work);
    }

    /// <summary>Starts collecting this async flow's writes (a conversation turn); dispose to stop.</summary>
    public static DeferredWrites BeginDeferred() => new();

    /// <summary>Queues <paramref name="work"/> for the next batch even inside a deferred scope (the turn's own commit).</summary>
    public Task CommitNowAsync(Action<LiteDatabase> work) => Enqueue(work, ahead: false);

    /// <summary>
    /// Small work a caller is waiting on at the door (a platform's update before its 200): committed in a batch of
    /// its own ahead of the turns' heavier work taken at the same time, so an acknowledgement does not wait for it.
    /// </summary>
    public Task WriteAheadAsync(Action<LiteDatabase> work) => Enqueue(work, ahead: true);

    /// <summary>
    /// Runs <paramref name="work"/> on the writer thread between batches, outside any transaction (a checkpoint and a
    /// copy of the file for a backup): nothing is committed while it runs, and writes queued meanwhile wait for it.
    /// </summary>
    public Task ExclusiveAsync(Action<LiteDatabase> work) => Enqueue(work, exclusive: true);

    private Task Enqueue(Action<LiteDatabase> work, bool ahead = false, bool exclusive = false)
    {
        var item = new WorkItem(work, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), ahead, exclusive);
        try
        {
            _queue.Add(item);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter), "The database is closing; nothing was written.");
        }

        return item.Done.Task;
    }

    /// <summary>Writes what is queued, then stops the thread.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
    }

    private void Run()
    {
        var batch = new List<WorkItem>(_maxBatch);
        var shared = false;
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            if (first.Exclusive)
            {
                RunAlone(first);
                continue;
            }

            batch.Add(first);
            WorkItem? alone = null;
            var lingerUntil = shared ? Environment.TickCount64 + (long)_linger.TotalMilliseconds : 0;
            while (batch.Count < _maxBatch && (_queue.TryTake(out var next) || TakeWithin(lingerUntil, out next)))
            {
                if (next.Exclusive)
                {
                    alone = next;
                    break;
                }

                batch.Add(next);
            }

            shared = batch.Count > 1;
            if (batch.Exists(i => i.Ahead) && batch.Exists(i => !i.Ahead))
            {
                Commit([.. batch.Where(i => i.Ahead)]);
                Commit([.. batch.Where(i => !i.Ahead)]);
            }
            else
            {
                Commit(batch);
            }

            batch.Clear();
            if (alone is not null)
            {
                RunAlone(alone);
            }
        }
    }

    private void RunAlone(WorkItem item)
    {
        try
        {
            item.Work(_db);
            item.Done.TrySetResult();
        }
#pragma warning disable CA1031 // Handed to the caller; the writer thread goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            item.Done.TrySetException(ex);
        }
    }

    private void Commit(List<WorkItem> batch)
    {
        var started = Stopwatch.GetTimestamp();
        if (!TryCommit(batch, out _))
        {
            // One bad item must not sink its neighbours: retry each on its own.
            foreach (var item in batch)
            {
                if (!TryCommit([item], out var error))
                {
                    item.Done.TrySetException(error!);
                }
            }
        }

        Processing.ProcessingMetrics.CommitDuration.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        Processing.ProcessingMetrics.BatchSize.Observe(batch.Count);
    }

    // Real time, not TimeProvider: this is a throughput knob of the disk writer, never a business deadline.
    private bool TakeWithin(long untilTicks, out WorkItem item)
    {
        var left = untilTicks - Environment.TickCount64;
        if (left <= 0)
        {
            item = null!;
            return false;
        }

        return _queue.TryTake(out item!, (int)left);
    }

    private bool TryCommit(List<WorkItem> batch, out Exception? error)
    {
        try
        {
            _db.BeginTrans();
            foreach (var item in batch)
            {
                item.Work(_db);
            }

            if (!_db.Commit())
            {
                throw new InvalidOperationException("LiteDB did not commit the transaction.");
            }

            foreach (var item in batch)
            {
                item.Done.TrySetResult();
            }

            error = null;
            return true;
        }
#pragma warning disable CA1031 // Any failure is handed to the waiting callers, never swallowed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            TryRollback();
            _afterRollback();
            error = ex;
            return false;
        }
    }

    // The writer thread must survive anything a work item does, or every later write would hang.
    private void TryRollback()
    {
        try
        {
            _db.Rollback();
        }
#pragma warning disable CA1031 // The original error is what the caller gets; a failed rollback leaves nothing committed.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private sealed record WorkItem(Action<LiteDatabase> Work, TaskCompletionSource Done, bool Ahead, bool Exclusive);
}
