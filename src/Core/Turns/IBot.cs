namespace PdBot.Core.Turns;

/// <summary>The conversation logic: called once per incoming activity.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken);
}
