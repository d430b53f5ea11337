using System.Diagnostics;
using System.Globalization;

namespace PdBot.Bench.Webhook;

/// <summary>
/// Figure 2: turns processed per second for distinct people — N greetings from N new people posted as fast as
/// they are acknowledged, timed from the first post until every acknowledged update is processed.
/// </summary>
internal static class ThroughputScenario
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    public static async Task<Figure> RunAsync(WebhookBenchOptions o, FakeTelegramApi telegram, string dbPath)
    {
        await using var bot = await BotUnderTest.StartAsync(telegram, dbPath);
        using var client = new WebhookClient(bot.WebhookUrl, BotUnderTest.Secret, WebhookBenchOptions.Connections);
        var probe = new ProcessedProbe(bot, unprocessedBefore: 0);
        var acked = 0;
        var clock = Stopwatch.StartNew();
        var posting = LoadGenerator.CountAsync(client, _ => TelegramUpdates.Greeting(), o.DistinctUpdates,
            WebhookBenchOptions.Connections, o.Cap, () => Interlocked.Increment(ref acked));

        int processed;
        while ((processed = probe.Processed(Volatile.Read(ref acked))) < Volatile.Read(ref acked) || !posting.IsCompleted)
        {
            if (clock.Elapsed >= o.Cap)
            {
                break;
            }

            await Task.Delay(Poll);
        }

        var elapsed = clock.Elapsed;
        var posted = await posting;
        var done = processed >= posted.Acked && posted.Acked == o.DistinctUpdates;
        var rate = processed / elapsed.TotalSeconds;
        var value = done
            ? string.Create(CultureInfo.InvariantCulture, $"{rate:N0}/s ({processed:N0} in {elapsed.TotalSeconds:0.0} s)")
            : string.Create(CultureInfo.InvariantCulture,
                $"> cap {o.Cap.TotalSeconds:0} s: {processed:N0} of {posted.Acked:N0} acked ({rate:N1}/s)");
        return new Figure(
            $"turns processed/s, {o.DistinctUpdates:N0} distinct people (from {probe.Source})",
            value,
            string.Create(CultureInfo.InvariantCulture, $"acks of the same updates {posted.PerSecond:N0}/s; old send pacing cap 30/s"),
            $"goal ≥ 2,000/s {Verdict.Of(done && rate >= 2000)}");
    }
}
