using System.Text.Encodings.Web;
using System.Text.Json;

namespace PdBot.Adapters.Vk.Api;

/// <summary>
/// A keyboard as VK's JSON: {"one_time":false,"inline":true,"buttons":[[{"action":{…},"color":"positive"}]]}.
/// An empty keyboard (no buttons) removes the buttons from a message. Built with <see cref="KeyboardBuilder"/>.
/// </summary>
public sealed class MessageKeyboard
{
    // Relaxed escaping keeps Cyrillic and ☑ as they are: the JSON goes into a form field, never into HTML,
    // and escaped it would be six times longer.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool OneTime { get; init; }

    public bool Inline { get; init; }

    public IReadOnlyList<IReadOnlyList<MessageKeyboardButton>> Buttons { get; init; } = [];

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteBoolean("one_time", OneTime);
            w.WriteBoolean("inline", Inline);
            w.WriteStartArray("buttons");
            foreach (var row in Buttons)
            {
                w.WriteStartArray();
                foreach (var button in row)
                {
                    WriteButton(w, button);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public override string ToString() => ToJson();

    private static void WriteButton(Utf8JsonWriter w, MessageKeyboardButton button)
    {
        w.WriteStartObject();
        w.WriteStartObject("action");
        w.WriteString("type", button.Action.Type switch
        {
            KeyboardButtonActionType.Text => "text",
            KeyboardButtonActionType.Callback => "callback",
            KeyboardButtonActionType.OpenLink => "open_link",
            _ => throw new InvalidOperationException($"Unknown button action {button.Action.Type}"),
        });
        w.WriteString("label", button.Action.Label);
        if (button.Action.Link is { } link)
        {
            w.WriteString("link", link);
        }

        if (!string.IsNullOrEmpty(button.Action.Payload))
        {
            w.WriteString("payload", button.Action.Payload);
        }

        w.WriteEndObject();

        // Colors exist only for text and callback buttons; Default means "let VK choose".
        if (button.Color is { } color && color != KeyboardButtonColor.Default && button.Action.Type != KeyboardButtonActionType.OpenLink)
        {
            w.WriteString("color", color switch
            {
                KeyboardButtonColor.Primary => "primary",
                KeyboardButtonColor.Secondary => "secondary",
                KeyboardButtonColor.Negative => "negative",
                KeyboardButtonColor.Positive => "positive",
                _ => throw new InvalidOperationException($"Unknown button color {color}"),
            });
        }

        w.WriteEndObject();
    }
}
