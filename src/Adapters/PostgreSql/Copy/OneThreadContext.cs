using System.Collections.Concurrent;

namespace PdBot.Adapters.PostgreSql.Copy;

/// <summary>
/// LiteDB ties a read (its transaction and lock) to the thread that started it. A copy target enumerates a LiteDB
/// query while it awaits PostgreSQL, so the copy runs on one thread of its own and every continuation comes back to
/// that thread; otherwise the enumeration would go on, and end, on another thread and leave the lock held.
/// </summary>
internal sealed class OneThreadContext : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

    public static Task RunAsync(Func<Task> work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Pump(work, done)) { IsBackground = true, Name = "pdbot-db-copy" };
        thread.Start();
        return done.Task;
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        try
        {
            _queue.Add((d, state));
        }
        catch (InvalidOperationException)
        {
            // Posted after the work ended (nothing of the copy's own): it runs on the pool.
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("The copy's thread takes posts only.");

    public void Dispose() => _queue.Dispose();

    private static void Pump(Func<Task> work, TaskCompletionSource done)
    {
        using var context = new OneThreadContext();
        SetSynchronizationContext(context);
        Task task;
        try
        {
            task = work();
        }
#pragma warning disable CA1031 // Handed to the caller's task, as an async method would.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            task = Task.FromException(ex);
        }

        task.ContinueWith(_ => context._queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        foreach (var (callback, state) in context._queue.GetConsumingEnumerable())
        {
            callback(state);
        }

        SetSynchronizationContext(null);
        if (task.IsCanceled)
        {
            done.SetCanceled();
        }
        else if (task.Exception is { } failed)
        {
            done.SetException(failed.InnerExceptions);
        }
        else
        {
            done.SetResult();
        }
    }
}
