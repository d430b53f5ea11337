namespace PdBot.Core.Admin;

/// <summary>An account with the same login (ignoring case) already exists.</summary>
public sealed class DuplicateAdminLoginException : Exception
{
    public DuplicateAdminLoginException()
    {
    }

    public DuplicateAdminLoginException(string message)
        : base(message)
    {
    }

    public DuplicateAdminLoginException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
