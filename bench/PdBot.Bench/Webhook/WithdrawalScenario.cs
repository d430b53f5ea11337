using System.Diagnostics;
using System.Globalization;

namespace PdBot.Bench.Webhook;

/// <summary>
/// Figure 4: from the ack of a subscribed person's «/stop» until their mailing consent reads Withdrawn in the
/// store — first with an empty queue (the anchor), then each time right after posting many ordinary updates.
/// </summary>
internal static class WithdrawalScenario
{
    public static async Task<Figure> RunAsync(WebhookBenchOptions o, FakeTelegramApi telegram, string dbPath)
    {
        // One more person than measured: the first /stop is untimed, so no figure pays for the first turn's JIT.
        var people = Enumerable.Range(0, 1 + o.AnchorRuns + o.WithdrawalRuns).Select(_ => TelegramUpdates.NewUserId()).ToArray();
        await using var bot = await BotUnderTest.StartAsync(telegram, dbPath, async b =>
        {
            foreach (var person in people)
            {
                await ConsentSeeder.SubscribedAsync(b, person);
            }
        });
        using var client = new WebhookClient(bot.WebhookUrl, BotUnderTest.Secret, WebhookBenchOptions.Connections);

        await StopAsync(bot, client, people[0], o.Cap);
        var anchor = new List<double>();
        foreach (var person in people[1..(1 + o.AnchorRuns)])
        {
            anchor.Add(await StopAsync(bot, client, person, o.Cap));
        }

        var queued = new List<double>();
        var fewestQueued = int.MaxValue;
        foreach (var person in people[(1 + o.AnchorRuns)..])
        {
            var ahead = await LoadGenerator.CountAsync(client, _ => TelegramUpdates.Greeting(), o.QueuedAhead, WebhookBenchOptions.Connections, o.Cap);
            fewestQueued = Math.Min(fewestQueued, ahead.Acked);
            var ms = await StopAsync(bot, client, person, o.Cap);
            queued.Add(ms);
            if (double.IsPositiveInfinity(ms))
            {
                break; // the next runs would only wait out the cap again
            }
        }

        var p99 = Percentiles.Of(queued, 99);
        var aheadText = fewestQueued < o.QueuedAhead
            ? string.Create(CultureInfo.InvariantCulture, $"only {fewestQueued:N0} acked within the cap")
            : string.Create(CultureInfo.InvariantCulture, $"{o.QueuedAhead:N0}");
        return new Figure(
            string.Create(CultureInfo.InvariantCulture, $"/stop until withdrawal durable, p50 / p99, {o.QueuedAhead:N0} updates posted ahead"),
            string.Create(CultureInfo.InvariantCulture, $"{Percentiles.Format(Percentiles.Of(queued, 50), o.Cap)} / {Percentiles.Format(p99, o.Cap)} ({queued.Count} runs; ahead: {aheadText})"),
            string.Create(CultureInfo.InvariantCulture, $"empty queue {Percentiles.Format(Percentiles.Of(anchor, 50), o.Cap)} / {Percentiles.Format(Percentiles.Of(anchor, 99), o.Cap)} ({anchor.Count} runs)"),
            $"goal p99 < 100 ms {Verdict.Of(p99 < 100)}");
    }

    /// <summary>Posts the person's «/stop» and returns ms from its ack to the durable withdrawal (+∞ past the cap).</summary>
    public static async Task<double> StopAsync(BotUnderTest bot, WebhookClient client, long person, TimeSpan cap)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(cap.TotalSeconds * Stopwatch.Frequency);
        if (await client.PostAckedAtAsync(TelegramUpdates.Text(person, "/stop"), default) is not { } acked)
        {
            throw new InvalidOperationException("The /stop update was not acknowledged.");
        }

        return await WithdrawalProbe.WaitAsync(bot, person, deadline) is { } durable
            ? Math.Max(0, Stopwatch.GetElapsedTime(acked, durable).TotalMilliseconds)
            : double.PositiveInfinity;
    }
}
