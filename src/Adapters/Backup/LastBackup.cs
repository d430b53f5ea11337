namespace PdBot.Adapters.Backup;

/// <summary>The most recent backup attempt, kept in the store's <c>meta</c> collection for the console's home page.</summary>
public sealed class LastBackup
{
    public const string Key = "last-backup";

    public string Id { get; set; } = Key;

    public DateTime TimeUtc { get; set; }

    /// <summary>The copy's full path (a file name of our own making: no personal data).</summary>
    public string File { get; set; } = "";

    public long SizeBytes { get; set; }

    public bool Intact { get; set; }

    /// <summary>Why the check failed (Russian), null when intact.</summary>
    public string? Problem { get; set; }

    /// <summary>Made by the host's daily worker, not by hand.</summary>
    public bool Daily { get; set; }
}
