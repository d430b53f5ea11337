using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>
/// Runs one person's turns one at a time: two quick presses must not both read the same
/// consent state and both act on it. Different people still run in parallel. A person's lock lives
/// only while a turn of theirs runs or waits, so memory follows the people talking now.
/// </summary>
public sealed class TurnLockMiddleware : PdBot.Core.Turns.IMiddleware
{
    private readonly Dictionary<string, Gate> _locks = new(StringComparer.Ordinal);

    /// <summary>People with a turn running or waiting (for tests of the pruning).</summary>
    public int Held
    {
        get
        {
            lock (_locks)
            {
                return _locks.Count;
            }
        }
    }

    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        var key = $"{turn.Activity.ChannelId}:{turn.Activity.UserId}";
        Gate gate;
        lock (_locks)
        {
            if (!_locks.TryGetValue(key, out gate!))
            {
                gate = new Gate();
                _locks[key] = gate;
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
            try
            {
                await next(cancellationToken);
            }
            finally
            {
                gate.Semaphore.Release();
            }
        }
        finally
        {
            lock (_locks)
            {
                if (--gate.Users == 0)
                {
                    _locks.Remove(key);
                    gate.Semaphore.Dispose();
                }
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
