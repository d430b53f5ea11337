using System.Text.Json;

namespace PdBot.Tests.Vk.Schema;

/// <summary>
/// What VK accepts as messages.sendMessageEventAnswer's <c>event_data</c> (dev.vk.com community events, see
/// ../shared/docs/platforms.md A.6): a JSON object whose type is show_snackbar (text of at most 90 characters),
/// open_link (link) or open_app (app_id, owner_id, hash optional).
/// </summary>
public static class VkEventDataRules
{
    public const int MaxSnackbarText = 90;

    private static readonly Dictionary<string, (string[] Fields, string[] Required)> Types = new(StringComparer.Ordinal)
    {
        ["show_snackbar"] = (["type", "text"], ["type", "text"]),
        ["open_link"] = (["type", "link"], ["type", "link"]),
        ["open_app"] = (["type", "app_id", "owner_id", "hash"], ["type", "app_id", "owner_id"]),
    };

    public static IReadOnlyList<string> Check(string eventData)
    {
        if (JsonText.Parse(eventData) is not { } root)
        {
            return ["event_data is not JSON"];
        }

        var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        if (!Types.TryGetValue(type, out var shape))
        {
            return [$"event_data: type \"{type}\" is not one of {string.Join("|", Types.Keys)}"];
        }

        var problems = new List<string>();
        problems.AddRange(root.EnumerateObject().Where(p => !shape.Fields.Contains(p.Name)).Select(p => $"event_data {type}: unknown field {p.Name}"));
        problems.AddRange(shape.Required.Where(r => !root.TryGetProperty(r, out _)).Select(r => $"event_data {type}: {r} is required"));
        if (type == "show_snackbar" && root.TryGetProperty("text", out var text) && (text.ValueKind != JsonValueKind.String || text.GetString()!.Length is 0 or > MaxSnackbarText))
        {
            problems.Add($"event_data show_snackbar: the text must be 1 to {MaxSnackbarText} characters");
        }

        return problems;
    }
}
