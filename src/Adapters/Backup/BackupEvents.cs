namespace PdBot.Adapters.Backup;

/// <summary>Audit entries of backups and restores (kind <c>backup</c>); their details name files, never people.</summary>
public static class BackupEvents
{
    public const string Kind = "backup";
    public const string Channel = "system";
    public const string Made = "backup-made";
    public const string Failed = "backup-failed";
    public const string Restored = "backup-restored";
}
