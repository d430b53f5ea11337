using PdBot.Adapters.Local;
using PdBot.Bot.Conversation;
using PdBot.Core.Turns;

namespace PdBot.Bot.Admin.Chat;

/// <summary>
/// The bot in the console's test chat: the local channel, like <c>pdbot chat</c> in a terminal, but what
/// the bot sends, answers and edits is kept in <see cref="WebChatSessions"/> for the page to show. One
/// instance serves every admin; turns of one chat are serialised by the turn lock, the transcript by its own lock.
/// </summary>
public sealed class WebChatAdapter : BotAdapter
{
    /// <summary>The same channel as the terminal chat: the flows shown are exactly the local ones.</summary>
    public const string Channel = LocalConsoleAdapter.Channel;

    private readonly WebChatSessions _sessions;
    private readonly IBot _bot;
    private readonly TimeProvider _time;

    // Ids differ between runs too: a form left open across a restart must not press a new message's button.
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private long _nextId;

    public WebChatAdapter(WebChatSessions sessions, IBot bot, TimeProvider time, ILogger<WebChatAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _sessions = sessions;
        _bot = bot;
        _time = time;

        // As in the terminal: the person sees the usual apology, the log gets the exception (no user id or text).
        OnTurnError = (turn, ex) =>
        {
            logger.LogError(ex, "Web chat turn failed");
            _sessions.Add(turn.Activity.ChatId, Entry(WebChatEntryKind.Bot, BotTexts.Error));
            return Task.CompletedTask;
        };
    }

    public WebChatSessions Sessions => _sessions;

    /// <summary>The person types <paramref name="text"/>.</summary>
    public Task SayAsync(string userId, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        _sessions.Add(userId, Entry(WebChatEntryKind.Person, text));
        var activity = Activity.Message(Channel, userId, text, NextId("in")) with { Timestamp = _time.GetUtcNow() };
        return ProcessActivityAsync(activity, _bot, cancellationToken);
    }

    /// <summary>The person presses a button of the bot message <paramref name="messageId"/>.</summary>
    /// <returns>False (and nothing happens) when that message does not show such a button now.</returns>
    public async Task<bool> PressAsync(string userId, string messageId, string payload, CancellationToken cancellationToken)
    {
        if (_sessions.FindButton(userId, messageId, payload) is not { } button)
        {
            return false;
        }

        _sessions.Add(userId, Entry(WebChatEntryKind.Press, button.Label));
        var activity = Activity.Press(Channel, userId, payload, messageId, NextId("press")) with { Timestamp = _time.GetUtcNow() };
        await ProcessActivityAsync(activity, _bot, cancellationToken);
        return true;
    }

    public override Task<string> SendAsync(ITurnContext turn, BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(message);
        var id = NextId("out");
        _sessions.Add(turn.Activity.ChatId, Entry(WebChatEntryKind.Bot, message.Text, id, message.Buttons));
        return Task.FromResult(id);
    }

    public override Task AnswerButtonAsync(ITurnContext turn, string? hint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!string.IsNullOrEmpty(hint))
        {
            _sessions.Add(turn.Activity.ChatId, Entry(WebChatEntryKind.Hint, hint));
        }

        return Task.CompletedTask;
    }

    public override Task UpdateButtonsAsync(ITurnContext turn, string messageId, IReadOnlyList<IReadOnlyList<Button>> buttons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(buttons);

        // A message that fell off the capped transcript has nothing left to edit; a messenger would ignore it too.
        _sessions.UpdateButtons(turn.Activity.ChatId, messageId, buttons);
        return Task.CompletedTask;
    }

    private WebChatEntry Entry(WebChatEntryKind kind, string text, string? messageId = null, IReadOnlyList<IReadOnlyList<Button>>? buttons = null) =>
        new(kind, text, messageId, buttons ?? [], _time.GetUtcNow());

    private string NextId(string prefix) => $"{prefix}-{_run}-{Interlocked.Increment(ref _nextId)}";
}
