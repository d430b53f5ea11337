using System.Text.Json;

namespace PdBot.Adapters.LiteDb;

/// <summary>Whether a stored platform update was sent by a given user: the sender fields Telegram and VK use.</summary>
public static class InboxSender
{
    private static readonly string[] SenderFields = ["from_id", "user_id"];

    public static bool Is(string payload, string platformUserId)
    {
        if (string.IsNullOrEmpty(payload) || !payload.Contains(platformUserId, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(payload);
            return Walk(doc.RootElement, platformUserId);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Walk(JsonElement e, string id)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            return e.EnumerateArray().Any(x => Walk(x, id));
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var p in e.EnumerateObject())
        {
            var sender = (SenderFields.Contains(p.Name) && Same(p.Value, id))
                || (p.Name == "from" && p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("id", out var from) && Same(from, id));
            if (sender || Walk(p.Value, id))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Same(JsonElement v, string id) =>
        v.ValueKind is JsonValueKind.Number or JsonValueKind.String && v.ToString() == id;
}
