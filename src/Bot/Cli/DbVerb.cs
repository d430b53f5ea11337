using System.CommandLine;
using System.CommandLine.Parsing;

namespace PdBot.Bot.Cli;

/// <summary><c>pdbot db …</c>: the PostgreSQL store's schema (<c>migrate</c>) and the move of a clinic from LiteDB (<c>copy</c>).</summary>
public static class DbVerb
{
    public static Command Command(CliConsole console) =>
        new("db", "База PostgreSQL: миграции схемы и перенос из LiteDB") { DbMigrateVerb.Command(console), DbCopyVerb.Command(console) };

    /// <summary>
    /// The <c>db</c> verbs run in the calling process, never inside a host listening on the store's control socket:
    /// <c>migrate</c> does not open the LiteDB store (and takes the caller's connection string), and <c>copy</c> must
    /// find the store stopped (its lock tells a running host).
    /// </summary>
    public static bool RunsHere(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.CommandResult.Parent is CommandResult { Command.Name: "db" } parent && parent.Parent is CommandResult { Command: RootCommand };
    }
}
