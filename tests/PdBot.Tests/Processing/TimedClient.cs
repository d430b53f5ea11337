using PdBot.Adapters.Processing;
using PdBot.Core.Outbox;

namespace PdBot.Tests.Processing;

/// <summary>
/// Wraps a real platform client (against a fake server) and records when each call was made on the test clock; calls
/// to a held chat wait until the hold is released (or the caller gives up).
/// </summary>
public sealed class TimedClient(IPlatformClient inner, TimeProvider clock) : IPlatformClient
{
    private readonly Lock _gate = new();
    private readonly List<TimedCall> _calls = [];
    private readonly Dictionary<string, TaskCompletionSource> _holds = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _done;

    public string Channel => inner.Channel;

    public SendLimits Limits => inner.Limits;

    public IReadOnlyList<TimedCall> Calls { get { lock (_gate) { return [.. _calls]; } } }

    /// <summary>Calls to <paramref name="chatId"/> wait for <see cref="TaskCompletionSource.SetResult()"/> on the returned source.</summary>
    public TaskCompletionSource Hold(string chatId)
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _holds[chatId] = hold;
        }

        return hold;
    }

    /// <summary>Completes once <paramref name="count"/> calls have returned.</summary>
    public Task DoneAsync(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_done >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, reached));
        }

        return reached.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a safety net against a hang, not a measure
    }

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        TaskCompletionSource? hold;
        lock (_gate)
        {
            _calls.Add(new TimedCall(message.ChatId, message.Action, message.Text, clock.GetUtcNow()));
            hold = _holds.GetValueOrDefault(message.ChatId);
        }

        if (hold is not null)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        var result = await inner.DeliverAsync(message, cancellationToken);
        List<TaskCompletionSource> reached;
        lock (_gate)
        {
            _done++;
            reached = [.. _waiters.Where(w => w.Count <= _done).Select(w => w.Reached)];
            _waiters.RemoveAll(w => w.Count <= _done);
        }

        reached.ForEach(r => r.TrySetResult());
        return result;
    }
}
