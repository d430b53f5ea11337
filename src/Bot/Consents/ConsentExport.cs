using System.Globalization;
using System.Text.Json;

namespace PdBot.Bot.Consents;

/// <summary>Writes consent events as CSV (RFC 4180) or a JSON array, streaming row by row.</summary>
public static class ConsentExport
{
    public static readonly string[] Columns = ["time", "channel", "platform_user_id", "purpose", "text_version", "text_hash", "event"];

    /// <returns>The number of rows written.</returns>
    public static async Task<int> WriteAsync(IEnumerable<ConsentEventRow> rows, string format, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        return format switch
        {
            "csv" => await WriteCsvAsync(rows, output, cancellationToken),
            "json" => await WriteJsonAsync(rows, output, cancellationToken),
            _ => throw new InvalidOperationException($"Unknown export format '{format}': use csv or json"),
        };
    }

    private static async Task<int> WriteCsvAsync(IEnumerable<ConsentEventRow> rows, TextWriter output, CancellationToken ct)
    {
        var csv = new Csv.CsvWriter(output);
        await csv.WriteRowAsync(Columns, ct);
        var count = 0;
        foreach (var r in rows)
        {
            await csv.WriteRowAsync([Time(r.TimeUtc), r.Channel, r.PlatformUserId, r.Purpose, r.TextVersion.ToString(CultureInfo.InvariantCulture), r.TextHash, r.Event], ct);
            count++;
        }

        await output.FlushAsync(ct);
        return count;
    }

    private static async Task<int> WriteJsonAsync(IEnumerable<ConsentEventRow> rows, TextWriter output, CancellationToken ct)
    {
        var list = rows.Select(r => new Dictionary<string, object>
        {
            ["time"] = Time(r.TimeUtc),
            ["channel"] = r.Channel,
            ["platform_user_id"] = r.PlatformUserId,
            ["purpose"] = r.Purpose,
            ["text_version"] = r.TextVersion,
            ["text_hash"] = r.TextHash,
            ["event"] = r.Event,
        }).ToList();
        await output.WriteLineAsync(JsonSerializer.Serialize(list, JsonOptions));
        await output.FlushAsync(ct);
        return list.Count;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Time(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
