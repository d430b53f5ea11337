using PdBot.Core.Turns;

namespace PdBot.Tests.Turns;

/// <summary>
/// Fluent conversation script: <c>Send("hi").AssertReply(...).Press("☐ …").AssertReply(...)</c>, then
/// <see cref="StartTestAsync"/>. Each step returns a new flow, so a flow can be reused as a prefix.
/// </summary>
public sealed class TestFlow
{
    private readonly TestAdapter _adapter;
    private readonly IBot _bot;
    private readonly Func<Task> _run;

    public TestFlow(TestAdapter adapter, IBot bot)
        : this(adapter, bot, () => Task.CompletedTask)
    {
    }

    private TestFlow(TestAdapter adapter, IBot bot, Func<Task> run)
    {
        _adapter = adapter;
        _bot = bot;
        _run = run;
    }

    /// <summary>The person types <paramref name="text"/>.</summary>
    public TestFlow Send(string text) => Then(() =>
        _adapter.ProcessActivityAsync(Activity.Message(_adapter.Channel, _adapter.UserId, text, _adapter.NextInputId()), _bot, default));

    /// <summary>The platform reports an event (blocked, unsubscribed, …).</summary>
    public TestFlow Send(Activity activity) => Then(() => _adapter.ProcessActivityAsync(activity, _bot, default));

    /// <summary>The person presses the button labelled <paramref name="label"/> on the newest message showing it.</summary>
    public TestFlow Press(string label) => Then(() =>
    {
        var (messageId, button) = _adapter.Sent.Reverse()
            .SelectMany(m => m.Value.AllButtons.Select(b => (m.Key, b)))
            .FirstOrDefault(x => x.b.Label == label);
        Assert.True(button is not null, $"No message shows a button labelled '{label}'");
        return _adapter.ProcessActivityAsync(Activity.Press(_adapter.Channel, _adapter.UserId, button.Payload, messageId, _adapter.NextInputId()), _bot, default);
    });

    /// <summary>Presses a button by payload on message <paramref name="messageId"/> (e.g. a stale prompt).</summary>
    public TestFlow PressPayload(string payload, string messageId) => Then(() =>
        _adapter.ProcessActivityAsync(Activity.Press(_adapter.Channel, _adapter.UserId, payload, messageId, _adapter.NextInputId()), _bot, default));

    /// <summary>The next thing the bot did must be a message containing <paramref name="text"/>.</summary>
    public TestFlow AssertReply(string text) => AssertReply(r =>
    {
        Assert.Equal(ReplyKind.Message, r.Kind);
        Assert.Contains(text, r.Text, StringComparison.Ordinal);
    });

    /// <summary>The next thing the bot did must be an answer to the press containing <paramref name="hint"/>.</summary>
    public TestFlow AssertAnswer(string hint) => AssertReply(r =>
    {
        Assert.Equal(ReplyKind.ButtonAnswer, r.Kind);
        Assert.Contains(hint, r.Text, StringComparison.Ordinal);
    });

    /// <summary>The next thing the bot did must be an edit showing exactly these button labels.</summary>
    public TestFlow AssertButtons(params string[] labels) => AssertReply(r =>
    {
        Assert.Equal(ReplyKind.ButtonsUpdated, r.Kind);
        Assert.Equal(labels, r.Buttons.Select(b => b.Label));
    });

    public TestFlow AssertReply(Action<Reply> check) => Then(() =>
    {
        Assert.True(_adapter.Replies.Count > 0, "The bot did nothing more");
        check(_adapter.Replies.Dequeue());
        return Task.CompletedTask;
    });

    public TestFlow AssertNoReply() => Then(() =>
    {
        Assert.True(_adapter.Replies.Count == 0, $"Unexpected: {string.Join("; ", _adapter.Replies)}");
        return Task.CompletedTask;
    });

    /// <summary>Drops what the bot did so far (for steps the test is not about).</summary>
    public TestFlow SkipReplies() => Then(() =>
    {
        _adapter.Replies.Clear();
        return Task.CompletedTask;
    });

    public Task StartTestAsync() => _run();

    private TestFlow Then(Func<Task> step) => new(_adapter, _bot, async () =>
    {
        await _run();
        await step();
    });
}
