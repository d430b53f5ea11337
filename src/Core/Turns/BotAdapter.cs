namespace PdBot.Core.Turns;

/// <summary>
/// Base of every channel adapter: runs the middleware and the bot for an activity, and leaves the
/// platform calls (send, answer a press, edit buttons) to the concrete adapter.
/// </summary>
public abstract class BotAdapter
{
    private readonly List<IMiddleware> _middleware = [];

    /// <summary>Called when the bot or a middleware throws; by default the exception propagates.</summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    public BotAdapter Use(IMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>Runs one turn for <paramref name="activity"/> through the middleware and the bot.</summary>
    public Task ProcessActivityAsync(Activity activity, IBot bot, CancellationToken cancellationToken) =>
        RunPipelineAsync(new TurnContext(this, activity), bot, cancellationToken);

    /// <summary>Runs a turn the caller created (Bot Framework's RunPipelineAsync): the caller keeps the context to read what the turn did.</summary>
    public async Task RunPipelineAsync(ITurnContext turn, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(bot);
        try
        {
            await RunAsync(turn, 0, bot, cancellationToken);

            // Platforms show a spinner until a press is answered, so every press gets an answer.
            await turn.AnswerButtonAsync(null, cancellationToken);
        }
        catch (Exception ex) when (OnTurnError is not null)
        {
            await OnTurnError(turn, ex);
        }
    }

    /// <summary>
    /// Runs <paramref name="logic"/> in a turn of its own for a chat the bot already talks to
    /// (Bot Framework's ContinueConversation): how stored messages reach people outside their turns.
    /// </summary>
    public Task ContinueConversationAsync(string channelId, string chatId, Func<ITurnContext, CancellationToken, Task> logic, CancellationToken cancellationToken) =>
        ContinueConversationAsync(channelId, chatId, null, logic, cancellationToken);

    /// <param name="reason">A stable id of what is being sent (e.g. the outbox entry), so a retry is recognisable.</param>
    public Task ContinueConversationAsync(string channelId, string chatId, string? reason, Func<ITurnContext, CancellationToken, Task> logic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logic);
        var activity = new Activity { Type = ActivityType.Proactive, ChannelId = channelId, UserId = chatId, ChatId = chatId, MessageId = reason, DedupeKey = reason };
        return logic(new TurnContext(this, activity), cancellationToken);
    }

    public abstract Task<string> SendAsync(ITurnContext turn, BotMessage message, CancellationToken cancellationToken);

    public abstract Task AnswerButtonAsync(ITurnContext turn, string? hint, CancellationToken cancellationToken);

    public abstract Task UpdateButtonsAsync(ITurnContext turn, string messageId, IReadOnlyList<IReadOnlyList<Button>> buttons, CancellationToken cancellationToken);

    private Task RunAsync(ITurnContext turn, int index, IBot bot, CancellationToken cancellationToken) =>
        index < _middleware.Count
            ? _middleware[index].OnTurnAsync(turn, ct => RunAsync(turn, index + 1, bot, ct), cancellationToken)
            : bot.OnTurnAsync(turn, cancellationToken);
}
