namespace PdBot.Adapters.Processing;

/// <summary><c>Processing</c> in appsettings.json.</summary>
public sealed class ProcessingOptions
{
    /// <summary>Turns of different people run at once, per channel. Turns mostly wait for their group commit, so this is well above the core count (64 measured best on 2 cores: bench webhook).</summary>
    public int Workers { get; set; } = 64;

    /// <summary>Attempts of an update whose turn fails before it is set aside with its error.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// Updates stored and not processed yet, per channel, past which webhooks answer 503 with Retry-After (the platforms
    /// deliver again later) and long polling pauses: a backlog that big means processing cannot keep up, and the store
    /// must not grow without bound meanwhile.
    /// </summary>
    public int MaxUnprocessedUpdates { get; set; } = 50_000;

    /// <summary>The same cap in bytes of stored payloads (UTF-8), per channel.</summary>
    public long MaxUnprocessedBytes { get; set; } = 256L << 20;

    /// <summary>What a 503 past the cap tells the platform to wait (Retry-After).</summary>
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>
    /// A person flooding the bot: when this many of their updates arrived within <see cref="FloodControl.QueueWindow"/>
    /// after the one a worker takes, that one is folded (marked processed without a turn) and they are told once a
    /// minute; their demands to stop are never folded. No person types that fast, so only a script or a stuck client
    /// loses anything, and is told so.
    /// </summary>
    public int MaxQueuedPerPerson { get; set; } = 30;

    /// <summary>Several hosts on one database: how often a host looks for updates the others stored and left unprocessed.</summary>
    public double HostPollSeconds { get; set; } = 0.5;

    /// <summary>
    /// Several hosts on one database: an update unprocessed this long is taken over by any host (its own host died or is
    /// behind). Short, so a dead host's people wait little; taking over a live host's update is safe, only extra work.
    /// </summary>
    public double TakeOverAfterSeconds { get; set; } = 1;
}
