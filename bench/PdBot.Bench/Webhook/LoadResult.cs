namespace PdBot.Bench.Webhook;

/// <summary>What a burst of posts achieved: posts answered 200, posts that failed, and the time taken.</summary>
internal sealed record LoadResult(int Acked, int Failed, TimeSpan Elapsed)
{
    public double PerSecond => Acked / Elapsed.TotalSeconds;
}
