namespace PdBot.Core.Turns;

/// <summary>An outgoing message: text and rows of buttons (each adapter renders its own keyboard).</summary>
public sealed record BotMessage(string Text, IReadOnlyList<IReadOnlyList<Button>> Buttons)
{
    public BotMessage(string text)
        : this(text, [])
    {
    }

    public IEnumerable<Button> AllButtons => Buttons.SelectMany(row => row);

    /// <summary>One button per row, the usual layout for a chat menu.</summary>
    public static BotMessage WithButtons(string text, params Button[] buttons) =>
        new(text, buttons.Select(b => (IReadOnlyList<Button>)[b]).ToList());
}
