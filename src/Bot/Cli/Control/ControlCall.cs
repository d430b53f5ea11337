namespace PdBot.Bot.Cli.Control;

/// <summary>The client's first frame: the command line to run, and whether its input is piped (the chat echoes piped lines).</summary>
public sealed record ControlCall(string[]? Args, bool InputRedirected);
