using System.CommandLine;

namespace PdBot.Bot.Cli;

/// <summary><c>pdbot calendar due|show</c>. STUB — being implemented.</summary>
public static class CalendarVerb
{
    public static Command Command(CliConsole console) => new("calendar", "The Russian production calendar");
}
