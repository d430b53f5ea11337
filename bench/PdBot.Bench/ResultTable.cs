using System.Globalization;

namespace PdBot.Bench;

/// <summary>Prints the runs as a plain-text table, with invariant number formats so figures paste anywhere.</summary>
internal static class ResultTable
{
    public static void Print(IReadOnlyList<BenchResult> results, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        var rows = results.Select(r => new[]
        {
            r.Mode,
            r.Events.ToString("N0", CultureInfo.InvariantCulture),
            r.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture),
            r.EventsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
            r.Audit.IsIntact
                ? r.Audit.IntactCount.ToString("N0", CultureInfo.InvariantCulture) + " intact"
                : $"BROKEN at {r.Audit.FirstBadSeq}: {r.Audit.Problem}",
        }).ToList();
        string[] header = ["mode", "events", "seconds", "events/s", "audit chain"];
        var widths = header.Select((h, c) => rows.Select(row => row[c].Length).Append(h.Length).Max()).ToArray();

        // Text left-aligned, numbers right-aligned.
        string Line(string[] cells) => string.Join("  ", cells.Select((cell, c) => c is 0 or 4 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd();

        output.WriteLine(Line(header));
        output.WriteLine(Line([.. widths.Select(w => new string('-', w))]));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row));
        }
    }
}
