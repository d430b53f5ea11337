namespace PdBot.Core.Reviews;

/// <summary>One line of a review's history: when, who (a login, "person" or "system") and what, in Russian.</summary>
public sealed class ReviewHistoryItem
{
    public DateTime AtUtc { get; set; }

    public string Actor { get; set; } = "";

    public string What { get; set; } = "";
}
