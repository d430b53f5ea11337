namespace PdBot.Adapters.PostgreSql.Copy;

/// <summary>A copy that may not start (a running host, a target that is not empty, a source that does not open): nothing was copied.</summary>
public sealed class PgCopyRefusedException : Exception
{
    public PgCopyRefusedException()
    {
    }

    public PgCopyRefusedException(string message)
        : base(message)
    {
    }

    public PgCopyRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
