using System.Collections.Concurrent;
using PdBot.Core.Turns;

namespace PdBot.Bot.Conversation;

/// <summary>
/// Runs one person's turns one at a time: two quick presses must not both read the same
/// consent state and both act on it. Different people still run in parallel.
/// </summary>
public sealed class TurnLockMiddleware : PdBot.Core.Turns.IMiddleware
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        var gate = _locks.GetOrAdd($"{turn.Activity.ChannelId}:{turn.Activity.UserId}", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
