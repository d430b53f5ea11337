namespace PdBot.Bot.Cli.Control;

/// <summary>The client's answer to a read request: a line, or null at the end of its input.</summary>
public sealed record ControlAnswer(string? Line);
