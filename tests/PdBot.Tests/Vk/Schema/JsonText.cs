using System.Text.Json;

namespace PdBot.Tests.Vk.Schema;

/// <summary>Parses a JSON document carried in a form field; null when the text is not JSON.</summary>
internal static class JsonText
{
    public static JsonElement? Parse(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
