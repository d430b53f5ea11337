using System.CommandLine;
using System.CommandLine.Parsing;

namespace PdBot.Bot.Cli;

/// <summary><c>pdbot db …</c>: the PostgreSQL store's schema (<c>migrate</c>) and the move of a clinic from LiteDB (<c>copy</c>).</summary>
public static class DbVerb
{
    public static Command Command(CliConsole console) =>
        new("db", "База PostgreSQL: миграции схемы и перенос из LiteDB") { DbMigrateVerb.Command(console), DbCopyVerb.Command(console) };

    /// <summary>
    /// <c>db migrate</c> never opens the LiteDB store, so it runs in the calling process (with its connection string),
    /// not inside a host listening on the store's control socket.
    /// </summary>
    public static bool RunsHere(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.CommandResult.Command.Name == "migrate" && parse.CommandResult.Parent is CommandResult { Command.Name: "db" };
    }
}
