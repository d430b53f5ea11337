namespace PdBot.Core.Requests;

/// <summary>Who acted, as written to histories and the audit trail; an admin acts under their login.</summary>
public static class Actors
{
    public const string System = "system";
    public const string Person = "person";

    /// <summary>The CLI's default when no --by is given.</summary>
    public const string Cli = "cli";
}
