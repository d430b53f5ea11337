using System.Globalization;

namespace PdBot.Bench;

/// <summary>Command-line arguments: <c>--events N</c>, <c>--concurrency C</c> and (console mode) <c>--runs R</c>.</summary>
internal sealed record BenchOptions(int Events, int Concurrency, int Runs)
{
    public const string Usage = "usage: pdbot-bench [--events N] [--concurrency C] | pdbot-bench console [--events N] [--runs R]";

    /// <summary>One transaction per event is slow; cap it so a large N still finishes in reasonable time.</summary>
    public const int NaiveCap = 5000;

    public int NaiveEvents => Math.Min(Events, NaiveCap);

    /// <summary>Returns null when an argument is unknown or not a positive number.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        var events = 20000;
        var concurrency = 64;
        var runs = 20;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                return null;
            }

            switch (args[i])
            {
                case "--events":
                    events = value;
                    break;
                case "--concurrency":
                    concurrency = value;
                    break;
                case "--runs":
                    runs = value;
                    break;
                default:
                    return null;
            }
        }

        return new BenchOptions(events, concurrency, runs);
    }
}
