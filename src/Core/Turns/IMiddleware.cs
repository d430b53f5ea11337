namespace PdBot.Core.Turns;

/// <summary>Continues the pipeline; not calling it ends the turn there.</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>
/// Runs around every turn: code before <c>next</c> sees the activity first, code after it runs once the bot is done.
/// </summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken);
}
