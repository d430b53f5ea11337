namespace PdBot.Bot.Admin;

/// <summary>RFC 4180 CSV lines for the console's downloads.</summary>
public static class Csv
{
    public static string Line(params IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    public static string Cell(string? value)
    {
        value ??= "";

        // A leading = + - @ would make a spreadsheet run the cell as a formula.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return Escape(value);
    }

    /// <summary>Quotes a cell that holds a comma, a quote or a line break (the CLI export uses this alone).</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
