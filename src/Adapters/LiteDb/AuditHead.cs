namespace PdBot.Adapters.LiteDb;

/// <summary>The newest sealed entry, stored with every append so removal of the newest entries shows.</summary>
public sealed class AuditHead
{
    public const string Key = "audit-head";

    public string Id { get; set; } = Key;

    public long Seq { get; set; }

    public string Hash { get; set; } = "";
}
