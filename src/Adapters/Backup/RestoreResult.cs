namespace PdBot.Adapters.Backup;

/// <summary>A restore done: what the restored store holds and where the store it replaced was kept (null when there was none).</summary>
public sealed record RestoreResult(BackupReport Check, string? ReplacedFile);
