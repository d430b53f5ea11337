namespace PdBot.Adapters.Backup;

/// <summary>A backup or restore that was not done, with the reason as the operator reads it (Russian, no personal data).</summary>
public sealed class BackupRefusedException : Exception
{
    public BackupRefusedException()
    {
    }

    public BackupRefusedException(string message)
        : base(message)
    {
    }

    public BackupRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
