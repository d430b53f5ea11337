using System.Globalization;

namespace PdBot.Bench.Webhook;

/// <summary>Nearest-rank percentiles of latencies in ms; +∞ stands for "not done within the cap".</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyCollection<double> ms, double percentile)
    {
        if (ms.Count == 0)
        {
            return double.NaN;
        }

        var sorted = ms.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>"12.3 ms", "1.52 s", or "> cap 60 s" for a latency that never finished.</summary>
    public static string Format(double ms, TimeSpan cap) =>
        double.IsNaN(ms) ? "n/a"
        : double.IsPositiveInfinity(ms) ? string.Create(CultureInfo.InvariantCulture, $"> cap {cap.TotalSeconds:0} s")
        : ms < 1000 ? string.Create(CultureInfo.InvariantCulture, $"{ms:0.0} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.00} s");
}
