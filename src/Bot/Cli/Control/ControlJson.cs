using System.Text;
using System.Text.Json;

namespace PdBot.Bot.Cli.Control;

/// <summary>The control socket's wire format: one JSON object per line, UTF-8.</summary>
public static class ControlJson
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

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
