namespace PdBot.Bot.Csv;

/// <summary>
/// Writes every CSV PdBot makes (the console's downloads, the evidence pack, <c>pdbot consents export</c>): RFC 4180
/// quoting, one row per line ending in <c>\n</c>, and no cell a spreadsheet would run as a formula.
/// </summary>
public sealed class CsvWriter(TextWriter output)
{
    public async Task WriteRowAsync(IEnumerable<string?> cells, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await output.WriteAsync(Line(cells) + "\n");
    }

    public void WriteRow(IEnumerable<string?> cells) => output.Write(Line(cells) + "\n");

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    public static string Cell(string? value)
    {
        value ??= "";

        // A leading = + - @ (or a tab or carriage return before one, OWASP's list) makes Excel, LibreOffice and Google
        // Sheets run the cell as a formula (=HYPERLINK(...) in a name); the apostrophe makes it text.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
