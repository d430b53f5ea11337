using PdBot.Core.Turns;

namespace PdBot.Bot.Admin.Chat;

/// <summary>
/// One line of the test chat's transcript. Immutable, so the page can render a snapshot while a turn
/// edits the transcript (an edit of the buttons replaces the entry).
/// </summary>
/// <param name="MessageId">The bot message's id (what a press of its buttons refers to); null for other kinds.</param>
public sealed record WebChatEntry(WebChatEntryKind Kind, string Text, string? MessageId, IReadOnlyList<IReadOnlyList<Button>> Buttons, DateTimeOffset Time)
{
    public IEnumerable<Button> AllButtons => Buttons.SelectMany(row => row);
}
