using System.Collections.Concurrent;
using LiteDB;

namespace PdBot.Adapters.LiteDb;

/// <summary>
/// The only writer of the database. It owns one OS thread, because LiteDB ties a transaction to the
/// thread that began it, and commits whatever is queued in one transaction (group commit): one disk
/// flush serves many events. A caller's task completes only after its batch is committed.
/// </summary>
public sealed class GroupCommitWriter : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly int _maxBatch;
    private readonly Action _afterRollback;
    private readonly BlockingCollection<WorkItem> _queue = [];
    private readonly Thread _thread;

    public GroupCommitWriter(LiteDatabase db, Action afterRollback, int maxBatch = 1000)
    {
        _db = db;
        _afterRollback = afterRollback;
        _maxBatch = maxBatch;
        _thread = new Thread(Run) { IsBackground = true, Name = "pdbot-db-writer" };
        _thread.Start();
    }

    /// <summary>Queues <paramref name="work"/>; it runs on the writer thread inside a transaction.</summary>
    public Task WriteAsync(Action<LiteDatabase> work)
    {
        var item = new WorkItem(work, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
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
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < _maxBatch && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }

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

            batch.Clear();
        }
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

    private sealed record WorkItem(Action<LiteDatabase> Work, TaskCompletionSource Done);
}
