using PdBot.Core.Turns;
using PdBot.Tests.Russian;

namespace PdBot.Tests.Turns;

/// <summary>
/// An in-memory channel for conversation tests (Bot Framework's TestAdapter): what the bot sends,
/// answers and edits is queued as <see cref="Reply"/>s that a <see cref="TestFlow"/> asserts on.
/// </summary>
public sealed class TestAdapter(string channel = "test", string userId = "u1") : BotAdapter
{
    private int _nextId;

    public string Channel { get; } = channel;

    public string UserId { get; } = userId;

    public Queue<Reply> Replies { get; } = new();

    /// <summary>Every message sent, by id, with its buttons as last edited.</summary>
    public Dictionary<string, BotMessage> Sent { get; } = [];

    public override Task<string> SendAsync(ITurnContext turn, BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Everything a person reads is Russian: every reply of every conversation test is scanned.
        LatinWords.AssertNone(message.Text, "a bot reply", Channel, UserId);
        foreach (var b in message.AllButtons)
        {
            LatinWords.AssertNone(b.Label, "a button label");
        }

        var id = $"m{Interlocked.Increment(ref _nextId)}";
        Sent[id] = message;
        Replies.Enqueue(new Reply(ReplyKind.Message, id, message.Text, message.AllButtons.ToList()));
        return Task.FromResult(id);
    }

    public override Task AnswerButtonAsync(ITurnContext turn, string? hint, CancellationToken cancellationToken)
    {
        LatinWords.AssertNone(hint, "a button hint");
        Replies.Enqueue(new Reply(ReplyKind.ButtonAnswer, turn.Activity.ButtonPressId ?? "", hint ?? "", []));
        return Task.CompletedTask;
    }

    public override Task UpdateButtonsAsync(ITurnContext turn, string messageId, IReadOnlyList<IReadOnlyList<Button>> buttons, CancellationToken cancellationToken)
    {
        foreach (var b in buttons.SelectMany(r => r))
        {
            LatinWords.AssertNone(b.Label, "a button label");
        }

        if (Sent.TryGetValue(messageId, out var message))
        {
            Sent[messageId] = message with { Buttons = buttons };
        }

        Replies.Enqueue(new Reply(ReplyKind.ButtonsUpdated, messageId, "", buttons.SelectMany(r => r).ToList()));
        return Task.CompletedTask;
    }

    public string NextInputId() => $"in{Interlocked.Increment(ref _nextId)}";
}
