using System.Collections.Concurrent;
using PdBot.Core.Turns;

namespace PdBot.Tests.Processing;

/// <summary>The real bot, recording every turn it runs (in order) and failing after the bot's work when told to.</summary>
public sealed class RecordingBot(IBot inner, Func<Activity, bool> failWhen) : IBot
{
    public ConcurrentQueue<Activity> Turns { get; } = new();

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        Turns.Enqueue(turn.Activity);
        await inner.OnTurnAsync(turn, cancellationToken);
        if (failWhen(turn.Activity))
        {
            throw new InvalidOperationException("poison update");
        }
    }
}
