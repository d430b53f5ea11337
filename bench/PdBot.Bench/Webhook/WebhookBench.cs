using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace PdBot.Bench.Webhook;

/// <summary>
/// <c>pdbot-bench webhook [--quick]</c>: the real host against a fast fake Telegram API, measured through its HTTP
/// surface only, so the same bench proves any rewrite of the processing loop. Every figure is printed next to an
/// anchor measured in the same run and the goal of issue 11. Not a test: figures depend on the machine.
/// </summary>
public static class WebhookBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = WebhookBenchOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(WebhookBenchOptions.Usage);
            return 2;
        }

        var machine = string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, server GC {GCSettings.IsServerGC}");
        Console.WriteLine($"PdBot webhook bench{(options.Quick ? " (--quick)" : "")}: {machine}");
#if DEBUG
        Console.WriteLine("WARNING: a Debug build; run with -c Release for real figures.");
#endif
        using var temp = new TempDirectory();
        await using var telegram = await FakeTelegramApi.StartAsync();
        await using var empty = await EmptyEndpoint.StartAsync();
        var clock = Stopwatch.StartNew();
        var figures = new List<Figure>();
        async Task Step(string name, Func<Task<Figure>> run)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,6:0.0} s] {name}…"));
            var figure = await run();
            Console.Error.WriteLine($"         {figure.Value}  |  {figure.Anchor}");
            figures.Add(figure);
        }

        await Step("acks/s", () => AckScenario.RunAsync(options, telegram, empty, temp.File("acks.db")));
        await Step("turns/s", () => ThroughputScenario.RunAsync(options, telegram, temp.File("turns.db")));
        await Step("ack latency at a fixed rate", () => AckLatencyScenario.RunAsync(options, telegram, empty, temp.File("latency.db")));
        await Step("withdrawal behind a queue", () => WithdrawalScenario.RunAsync(options, telegram, temp.File("withdrawal.db")));
        await Step("stale presses", () => StallScenario.RunAsync(options, telegram, temp.File("stall.db")));

        Console.WriteLine();
        Console.WriteLine(machine);
        FigureTable.Print(figures, Console.Out);
        if (BotUnderTest.Log.Summary() is { } logged)
        {
            Console.WriteLine("the hosts logged " + logged);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run took {clock.Elapsed.TotalSeconds:0} s; phases capped at {options.Cap.TotalSeconds:0} s"));
        return 0;
    }
}
