namespace PdBot.Adapters.LiteDb;

/// <summary>A consent text version as first shown: kept forever so any consent can be matched to its words.</summary>
public sealed class StoredText
{
    /// <summary>"{purposeId}/{version}".</summary>
    public string Id { get; set; } = "";

    public string PurposeId { get; set; } = "";

    public int Version { get; set; }

    public string Text { get; set; } = "";

    public string Hash { get; set; } = "";

    public DateTime FirstSeenUtc { get; set; }
}
