namespace PdBot.Bench.Webhook;

/// <summary>Prints the figures as a Markdown table, ready to paste into an issue.</summary>
internal static class FigureTable
{
    public static void Print(IReadOnlyList<Figure> figures, TextWriter output)
    {
        string[] header = ["figure", "PdBot", "anchor in the same run", "ratio / goal"];
        var rows = figures.Select(f => new[] { f.What, f.Value, f.Anchor, f.Verdict }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        output.WriteLine(Line(header, widths));
        output.WriteLine(Line(widths.Select(w => new string('-', w)).ToArray(), widths));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
}
