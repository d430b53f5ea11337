using System.Text;
using Microsoft.AspNetCore.Http;

namespace PdBot.Bot.Admin;

/// <summary>Streams a CSV file to the response line by line, so a 100,000-row export never sits in memory.</summary>
public static class CsvDownload
{
    public static async Task WriteAsync(HttpResponse response, string fileName, IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var csv = new Csv.CsvWriter(writer);
        await csv.WriteRowAsync(header);
        foreach (var row in rows)
        {
            await csv.WriteRowAsync(row);
        }

        await writer.FlushAsync(response.HttpContext.RequestAborted);
    }
}
