namespace PdBot.Bench.Webhook;

/// <summary>What a burst of posts achieved: posts answered 200, posts that failed, the time taken and whether it hit the cap.</summary>
internal sealed record LoadResult(int Acked, int Failed, TimeSpan Elapsed, bool Capped)
{
    public double PerSecond => Acked / Elapsed.TotalSeconds;
}
