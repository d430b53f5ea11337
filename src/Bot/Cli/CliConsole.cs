namespace PdBot.Bot.Cli;

/// <summary>The streams a verb talks through; tests pass their own, the control socket its client's.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    public static CliConsole System => new(Console.In, Console.Out, Console.Error);

    /// <summary>Input comes from a pipe or a file rather than a person at a terminal (the chat then echoes it).</summary>
    public bool InputRedirected { get; init; } = Console.IsInputRedirected;

    /// <summary>Where a secret comes from when not from this process's terminal (the control socket asks its client).</summary>
    public Func<string?>? SecretReader { get; init; }

    /// <summary>A line without echo from a terminal, or a plain line from piped input; null at end of input.</summary>
    public string? ReadSecret() => SecretReader is { } read ? read() : SecretInput.Read(this);
}
