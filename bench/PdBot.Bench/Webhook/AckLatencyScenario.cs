using System.Globalization;

namespace PdBot.Bench.Webhook;

/// <summary>Figure 3: p50/p99 ack latency at a fixed 1,000 updates/s (open loop), next to the empty endpoint at the same rate.</summary>
internal static class AckLatencyScenario
{
    // Enough connections that the client is not the queue at this rate, few enough not to exhaust ports.
    private const int Connections = 256;

    public static async Task<Figure> RunAsync(WebhookBenchOptions o, FakeTelegramApi telegram, EmptyEndpoint empty, string dbPath)
    {
        var anchor = await MeasureAsync(empty.Url, o);
        await using var bot = await BotUnderTest.StartAsync(telegram, dbPath);
        var pdbot = await MeasureAsync(bot.WebhookUrl, o);
        var p99 = Percentiles.Of(pdbot, 99);
        return new Figure(
            string.Create(CultureInfo.InvariantCulture, $"ack latency p50 / p99 at {WebhookBenchOptions.FixedRate:N0}/s for {o.LatencyDuration.TotalSeconds:0} s"),
            Describe(pdbot, o.Cap),
            "empty endpoint " + Describe(anchor, o.Cap),
            $"goal p99 < 50 ms {Verdict.Of(p99 < 50)}");
    }

    private static async Task<double[]> MeasureAsync(string url, WebhookBenchOptions o)
    {
        using var client = new WebhookClient(url, BotUnderTest.Secret, Connections);
        return await LoadGenerator.OpenLoopAsync(client, TelegramUpdates.Greeting, WebhookBenchOptions.FixedRate, o.LatencyDuration, o.Cap);
    }

    private static string Describe(double[] ms, TimeSpan cap)
    {
        var late = ms.Count(double.IsPositiveInfinity);
        var text = Percentiles.Format(Percentiles.Of(ms, 50), cap) + " / " + Percentiles.Format(Percentiles.Of(ms, 99), cap);
        return late == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text} ({late:N0} of {ms.Length:N0} not acked within the cap)");
    }
}
