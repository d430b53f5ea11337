using System.Diagnostics;
using System.Globalization;

namespace PdBot.Bench.Webhook;

/// <summary>
/// Figure 5: one person taps a button 300 times in 4 s and Telegram refuses every answerCallbackQuery as
/// "query is too old"; then another, subscribed person sends «/stop». How long until their withdrawal is durable,
/// and until Telegram receives the reply to them?
/// </summary>
internal static class StallScenario
{
    public static async Task<Figure> RunAsync(WebhookBenchOptions o, FakeTelegramApi telegram, string dbPath)
    {
        var tapper = TelegramUpdates.NewUserId();
        var stopper = TelegramUpdates.NewUserId();
        await using var bot = await BotUnderTest.StartAsync(telegram, dbPath, async b =>
        {
            await ConsentSeeder.OfferedAsync(b, tapper);
            await ConsentSeeder.SubscribedAsync(b, stopper);
        });
        using var client = new WebhookClient(bot.WebhookUrl, BotUnderTest.Secret, WebhookBenchOptions.Connections);
        telegram.CallbacksTooOld = true;
        try
        {
            var taps = await TapAsync(client, tapper, "tick:" + bot.Catalog.Mailing.Id);
            var posted = Stopwatch.GetTimestamp();
            var deadline = posted + (long)(o.Cap.TotalSeconds * Stopwatch.Frequency);
            if (await client.PostAckedAtAsync(TelegramUpdates.Text(stopper, "/stop"), default) is not { } acked)
            {
                throw new InvalidOperationException("The /stop update was not acknowledged.");
            }

            var durable = await WithdrawalProbe.WaitAsync(bot, stopper, deadline);
            var replied = await WithdrawalProbe.ReplyAsync(telegram, stopper, posted, deadline);
            var durableMs = Since(acked, durable);
            var repliedMs = Since(acked, replied);
            return new Figure(
                string.Create(CultureInfo.InvariantCulture, $"another person's /stop after {WebhookBenchOptions.StalePresses} stale presses in {WebhookBenchOptions.PressWindow.TotalSeconds:0} s"),
                $"withdrawal durable {Percentiles.Format(durableMs, o.Cap)}, reply sent {Percentiles.Format(repliedMs, o.Cap)}",
                string.Create(CultureInfo.InvariantCulture, $"{taps} presses acked; answerCallbackQuery → 400 query is too old"),
                $"goal < 1 s {Verdict.Of(durableMs < 1000 && repliedMs < 1000)}");
        }
        finally
        {
            telegram.CallbacksTooOld = false;
        }
    }

    /// <summary>The presses, evenly spread over the window (open loop: a slow ack does not slow the thumb).</summary>
    private static async Task<int> TapAsync(WebhookClient client, long tapper, string data)
    {
        var start = Stopwatch.GetTimestamp();
        var presses = new List<Task<bool>>();
        for (var i = 0; i < WebhookBenchOptions.StalePresses; i++)
        {
            var due = start + (long)(i * WebhookBenchOptions.PressWindow.TotalSeconds * Stopwatch.Frequency / WebhookBenchOptions.StalePresses);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(1);
            }

            presses.Add(client.PostAsync(TelegramUpdates.Press(tapper, data, 1000), default));
        }

        return (await Task.WhenAll(presses)).Count(acked => acked);
    }

    private static double Since(long from, long? to) =>
        to is { } t ? Math.Max(0, Stopwatch.GetElapsedTime(from, t).TotalMilliseconds) : double.PositiveInfinity;
}
