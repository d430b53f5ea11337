using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace PdBot.Bot.Cli.Control;

/// <summary>The control socket's wire format: one JSON object per line, UTF-8.</summary>
public static class ControlJson
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    // Russian text as itself: half the bytes of \u escapes, and readable when debugging.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static void Write<T>(Stream stream, T frame)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, Options);
        stream.Write(bytes);
        stream.WriteByte((byte)'\n');
        stream.Flush();
    }

    /// <summary>The frame on this line; throws <see cref="JsonException"/> when it is not one.</summary>
    public static T Parse<T>(string line)
        where T : class =>
        JsonSerializer.Deserialize<T>(line, Options) ?? throw new JsonException("an empty frame");
}
