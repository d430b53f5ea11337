namespace PdBot.Core.Authority;

/// <summary>One step in a Roskomnadzor request's history, shown on its page.</summary>
public sealed class AuthorityHistoryItem
{
    public DateTime AtUtc { get; set; }

    public string Actor { get; set; } = "";

    public string Event { get; set; } = "";

    public string? Note { get; set; }
}
