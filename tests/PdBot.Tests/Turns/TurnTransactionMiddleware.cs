using PdBot.Adapters.Processing;
using PdBot.Core.Turns;

namespace PdBot.Tests.Turns;

/// <summary>
/// Runs each test turn the way the platform loop does: the turn's writes are held and committed together at its end,
/// so every conversation test also proves the bot reads back what it wrote earlier in the same turn.
/// </summary>
public sealed class TurnTransactionMiddleware(ITurnTransactions transactions) : PdBot.Core.Turns.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        using var writes = transactions.Begin();
        await next(cancellationToken);
        await transactions.CommitAsync(writes, [], [], cancellationToken);
    }
}
