using PdBot.Core.Turns;

namespace PdBot.Tests.Turns;

public enum ReplyKind
{
    Message,
    ButtonAnswer,
    ButtonsUpdated,
}

/// <summary>One thing the bot did in answer: a message, an answer to a press, or an edit of buttons.</summary>
public sealed record Reply(ReplyKind Kind, string MessageId, string Text, IReadOnlyList<Button> Buttons)
{
    public override string ToString() => $"{Kind} {MessageId}: {Text} [{string.Join(" | ", Buttons.Select(b => b.Label))}]";
}
