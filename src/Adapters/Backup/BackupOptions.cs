namespace PdBot.Adapters.Backup;

/// <summary>Configuration section <c>Backup</c>: the host's daily backup (policy 5.4.3(14)).</summary>
public sealed class BackupOptions
{
    /// <summary>The directory of daily copies; empty means <c>backups</c> beside the store. Best on another disk.</summary>
    public string Path { get; set; } = "";

    /// <summary>How many daily copies are kept (the oldest beyond are deleted); 0 turns the daily backup off.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>The clinic's local hour (0–23) from which the day's copy is made, when the bot is quiet.</summary>
    public int Hour { get; set; } = 3;

    /// <summary>The directory of daily copies for the store at <paramref name="storePath"/>.</summary>
    public string DirectoryFor(string storePath) => string.IsNullOrWhiteSpace(Path)
        ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(storePath))!, "backups")
        : System.IO.Path.GetFullPath(Path);
}
