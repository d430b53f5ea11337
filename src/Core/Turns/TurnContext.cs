namespace PdBot.Core.Turns;

/// <summary>The turn context every adapter uses; the adapter does the platform calls.</summary>
public sealed class TurnContext(BotAdapter adapter, Activity activity) : ITurnContext
{
    public Activity Activity { get; } = activity;

    public BotAdapter Adapter { get; } = adapter;

    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>();

    public bool Responded { get; private set; }

    public bool ButtonAnswered { get; private set; }

    public async Task<string> SendAsync(BotMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = await Adapter.SendAsync(this, message, cancellationToken);
        Responded = true;
        return id;
    }

    public async Task AnswerButtonAsync(string? hint = null, CancellationToken cancellationToken = default)
    {
        if (Activity.Type != ActivityType.ButtonPress || ButtonAnswered)
        {
            return;
        }

        // Set first: a failed answer must not be retried by the pipeline's safety net.
        ButtonAnswered = true;
        await Adapter.AnswerButtonAsync(this, hint, cancellationToken);
    }

    public Task UpdateButtonsAsync(string messageId, IReadOnlyList<IReadOnlyList<Button>> buttons, CancellationToken cancellationToken = default) =>
        Adapter.UpdateButtonsAsync(this, messageId, buttons, cancellationToken);
}
