using System.Globalization;

namespace PdBot.Bench.Webhook;

/// <summary>Figure 1: durable webhook acks/s with 32 connections, next to the empty endpoint measured the same way.</summary>
internal static class AckScenario
{
    public static async Task<Figure> RunAsync(WebhookBenchOptions o, FakeTelegramApi telegram, EmptyEndpoint empty, string dbPath)
    {
        var anchor = await MeasureAsync(empty.Url, null, o);
        await using var bot = await BotUnderTest.StartAsync(telegram, dbPath);
        var pdbot = await MeasureAsync(bot.WebhookUrl, BotUnderTest.Secret, o);
        var ratio = pdbot.PerSecond / anchor.PerSecond;
        var goal = anchor.PerSecond >= 15_000 ? "goal ≥ 0.3× and ≥ 5,000/s" : "goal ≥ 0.3×";
        var met = ratio >= 0.3 && (anchor.PerSecond < 15_000 || pdbot.PerSecond >= 5_000);
        return new Figure(
            $"durable webhook acks/s, {WebhookBenchOptions.Connections} connections",
            Rate(pdbot),
            "empty ASP.NET Core POST endpoint " + Rate(anchor),
            string.Create(CultureInfo.InvariantCulture, $"{ratio:0.000}× ({goal}) {Verdict.Of(met)}"));
    }

    private static async Task<LoadResult> MeasureAsync(string url, string? secret, WebhookBenchOptions o)
    {
        using var client = new WebhookClient(url, secret ?? BotUnderTest.Secret, WebhookBenchOptions.Connections);
        await LoadGenerator.ForDurationAsync(client, TelegramUpdates.Greeting, WebhookBenchOptions.Connections, o.Warmup);
        return await LoadGenerator.ForDurationAsync(client, TelegramUpdates.Greeting, WebhookBenchOptions.Connections, o.AckDuration);
    }

    private static string Rate(LoadResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.PerSecond:N0}/s{(r.Failed > 0 ? $" ({r.Failed} failed)" : "")}");
}
