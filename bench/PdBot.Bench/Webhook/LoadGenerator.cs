using System.Diagnostics;

namespace PdBot.Bench.Webhook;

/// <summary>
/// The bench's own load generator (no wrk on the machine needed): closed loop — N workers, each posting and
/// awaiting its 200 — and open loop — posts on a fixed schedule whatever the answers, latency counted from the
/// scheduled moment, so queueing is in the figure (no coordinated omission).
/// </summary>
internal static class LoadGenerator
{
    /// <summary>Workers post <paramref name="body"/>() back to back for <paramref name="duration"/>.</summary>
    public static Task<LoadResult> ForDurationAsync(WebhookClient client, Func<byte[]> body, int workers, TimeSpan duration) =>
        RunAsync(client, _ => body(), int.MaxValue, workers, duration, null);

    /// <summary>Workers post bodies 0..count-1 as fast as they are acknowledged, stopping at <paramref name="cap"/>.</summary>
    public static Task<LoadResult> CountAsync(WebhookClient client, Func<int, byte[]> body, int count, int workers, TimeSpan cap, Action? acked = null) =>
        RunAsync(client, body, count, workers, cap, acked);

    /// <summary>
    /// Sends at <paramref name="perSecond"/> for <paramref name="duration"/>, then waits up to <paramref name="drainCap"/>
    /// for the answers. Returns each post's latency in ms; a post not answered 200 in time is +∞.
    /// </summary>
    public static async Task<double[]> OpenLoopAsync(WebhookClient client, Func<byte[]> body, int perSecond, TimeSpan duration, TimeSpan drainCap)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var latencies = new double[total];
        Array.Fill(latencies, double.PositiveInfinity);
        using var stop = new CancellationTokenSource();
        var pending = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / perSecond);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(1);
            }

            pending.Add(SendAsync(i, due));
        }

        stop.CancelAfter(drainCap);
        await Task.WhenAll(pending);
        return latencies;

        async Task SendAsync(int i, long due)
        {
            // Built here, off the scheduling loop; its cost is in the latency, as the client's part of any request.
            if (await client.PostAsync(body(), stop.Token))
            {
                latencies[i] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
            }
        }
    }

    private static async Task<LoadResult> RunAsync(WebhookClient client, Func<int, byte[]> body, int count, int workers, TimeSpan cap, Action? onAck)
    {
        using var stop = new CancellationTokenSource(cap);
        var next = -1;
        var acked = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        async Task WorkerAsync()
        {
            int i;
            while (!stop.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < count)
            {
                if (await client.PostAsync(body(i), stop.Token))
                {
                    Interlocked.Increment(ref acked);
                    onAck?.Invoke();
                }
                else if (!stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkerAsync)));
        clock.Stop();
        return new LoadResult(acked, failed, clock.Elapsed);
    }
}
