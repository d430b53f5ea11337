namespace PdBot.Adapters.Backup;

/// <summary>A backup made: where, how big, how long the copy took (writes waited that long), and what its check found.</summary>
public sealed record BackupResult(string File, long SizeBytes, TimeSpan CopyTook, BackupReport Check);
