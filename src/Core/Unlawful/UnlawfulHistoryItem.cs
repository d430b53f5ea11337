namespace PdBot.Core.Unlawful;

/// <summary>One step in a case's history, shown on its page.</summary>
public sealed class UnlawfulHistoryItem
{
    public DateTime AtUtc { get; set; }

    public string Actor { get; set; } = "";

    public string Event { get; set; } = "";

    public string? Note { get; set; }
}
