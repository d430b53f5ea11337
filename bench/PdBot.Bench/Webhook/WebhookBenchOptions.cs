namespace PdBot.Bench.Webhook;

/// <summary>Sizes of the webhook bench: the full run, or <c>--quick</c> (a smoke run under a minute, even on slow code).</summary>
internal sealed record WebhookBenchOptions(
    bool Quick, TimeSpan AckDuration, TimeSpan Warmup, int DistinctUpdates, TimeSpan Cap, TimeSpan LatencyDuration,
    int QueuedAhead, int WithdrawalRuns, int AnchorRuns)
{
    public const int Connections = 32;
    public const int FixedRate = 1000;
    public const int StalePresses = 300;
    public static readonly TimeSpan PressWindow = TimeSpan.FromSeconds(4);

    public const string Usage = "usage: pdbot-bench webhook [--quick]";

    public static WebhookBenchOptions? Parse(string[] args) => args switch
    {
        [] => new(false, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), 20_000, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), 10_000, 5, 5),
        ["--quick"] => new(true, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), 2_000, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3), 1_000, 3, 3),
        _ => null,
    };
}
