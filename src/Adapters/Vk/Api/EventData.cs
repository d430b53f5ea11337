using System.Text.Encodings.Web;
using System.Text.Json;

namespace PdBot.Adapters.Vk.Api;

/// <summary>The event_data of messages.sendMessageEventAnswer, e.g. {"type":"show_snackbar","text":"…"}.</summary>
public sealed class EventData
{
    /// <summary>VK shows a snackbar text of at most 90 characters (for about 10 seconds).</summary>
    public const int MaxSnackbarText = 90;

    public MessageEventType Type { get; set; }

    /// <summary>The snackbar text, at most <see cref="MaxSnackbarText"/> characters.</summary>
    public string? Text { get; set; }

    public Uri? Link { get; set; }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", Type switch
            {
                MessageEventType.ShowSnackbar => "show_snackbar",
                MessageEventType.OpenLink => "open_link",
                MessageEventType.OpenApp => "open_app",
                _ => throw new InvalidOperationException($"Unknown event type {Type}"),
            });
            if (Text is not null)
            {
                w.WriteString("text", Text);
            }

            if (Link is not null)
            {
                w.WriteString("link", Link.AbsoluteUri);
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
