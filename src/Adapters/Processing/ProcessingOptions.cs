namespace PdBot.Adapters.Processing;

/// <summary><c>Processing</c> in appsettings.json.</summary>
public sealed class ProcessingOptions
{
    /// <summary>Turns of different people run at once, per channel. Turns mostly wait for their group commit, so this is well above the core count (64 measured best on 2 cores: bench webhook).</summary>
    public int Workers { get; set; } = 64;

    /// <summary>Attempts of an update whose turn fails before it is set aside with its error.</summary>
    public int MaxAttempts { get; set; } = 3;
}
