using System.Text.Json;

namespace PdBot.Tests.Vk.Schema;

/// <summary>
/// What VK accepts as the <c>keyboard</c> parameter. Shapes, action types and their fields from the 5.199 schema
/// (messages/objects.json: messages_keyboard, messages_keyboard_button, messages_keyboard_button_action_*); limits from
/// dev.vk.com/api/bots/development/keyboard (../shared/docs/platforms.md A.6): at most 5 buttons a row, inline at most
/// 10 buttons in 6 rows, a normal keyboard 40 in 10; a label of at most 40 characters; a payload of at most 255,
/// itself JSON; colours only on text and callback buttons; one_time not with inline.
/// </summary>
public static class VkKeyboardRules
{
    public const int MaxButtonsPerRow = 5;
    public const int MaxInlineButtons = 10;
    public const int MaxInlineRows = 6;
    public const int MaxButtons = 40;
    public const int MaxRows = 10;
    public const int MaxLabel = 40;
    public const int MaxPayload = 255;

    // The schema's colour enum (default, positive, negative, primary) and the keyboard page's (primary, secondary,
    // negative, positive): both are VK's own, so either spelling of the plain colour passes.
    private static readonly string[] Colors = ["default", "secondary", "primary", "negative", "positive"];

    // Per action type: its fields and which of them are required (messages_keyboard_button_action_*).
    private static readonly Dictionary<string, (string[] Fields, string[] Required)> Actions = new(StringComparer.Ordinal)
    {
        ["text"] = (["type", "label", "payload"], ["type", "label"]),
        ["callback"] = (["type", "label", "payload"], ["type", "label"]),
        ["open_link"] = (["type", "label", "link", "payload"], ["type", "label", "link"]),
        ["open_app"] = (["type", "label", "app_id", "owner_id", "hash", "payload"], ["type", "label", "app_id", "owner_id"]),
        ["location"] = (["type", "payload"], ["type"]),
        ["vkpay"] = (["type", "hash", "payload"], ["type", "hash"]),
        ["open_photo"] = (["type"], ["type"]),
    };

    public static IReadOnlyList<string> Check(string keyboard)
    {
        if (JsonText.Parse(keyboard) is not { } root)
        {
            return ["keyboard is not JSON"];
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return ["keyboard is not a JSON object"];
        }

        var problems = new List<string>();
        problems.AddRange(root.EnumerateObject().Where(p => p.Name is not ("one_time" or "inline" or "buttons")).Select(p => $"keyboard: unknown field {p.Name}"));
        var inline = Bool(root, "inline", problems) ?? false;
        if (Bool(root, "one_time", problems) is null)
        {
            problems.Add("keyboard: one_time is required");
        }
        else if (inline && root.GetProperty("one_time").GetBoolean())
        {
            problems.Add("keyboard: one_time is not supported with inline");
        }

        if (!root.TryGetProperty("buttons", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            problems.Add("keyboard: buttons must be an array of rows");
            return problems;
        }

        var (maxButtons, maxRows) = inline ? (MaxInlineButtons, MaxInlineRows) : (MaxButtons, MaxRows);
        if (rows.GetArrayLength() > maxRows)
        {
            problems.Add($"keyboard: {rows.GetArrayLength()} rows, at most {maxRows}{(inline ? " inline" : "")}");
        }

        var count = 0;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() is 0 or > MaxButtonsPerRow)
            {
                problems.Add($"keyboard: a row must be an array of 1 to {MaxButtonsPerRow} buttons");
                continue;
            }

            count += row.GetArrayLength();
            problems.AddRange(row.EnumerateArray().SelectMany(Button));
        }

        if (count > maxButtons)
        {
            problems.Add($"keyboard: {count} buttons, at most {maxButtons}{(inline ? " inline" : "")}");
        }

        return problems;
    }

    private static bool? Bool(JsonElement o, string name, List<string> problems)
    {
        if (!o.TryGetProperty(name, out var v))
        {
            return null;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        problems.Add($"keyboard: {name} is not a boolean");
        return null;
    }

    private static IEnumerable<string> Button(JsonElement button)
    {
        if (button.ValueKind != JsonValueKind.Object || !button.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            yield return "button: an object with an action object is required";
            yield break;
        }

        foreach (var p in button.EnumerateObject().Where(p => p.Name is not ("action" or "color")))
        {
            yield return $"button: unknown field {p.Name}";
        }

        var type = action.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        if (!Actions.TryGetValue(type, out var shape))
        {
            yield return $"button: action type \"{type}\" is not one of {string.Join("|", Actions.Keys)}";
            yield break;
        }

        foreach (var p in action.EnumerateObject().Where(p => !shape.Fields.Contains(p.Name)))
        {
            yield return $"button {type}: unknown action field {p.Name}";
        }

        foreach (var missing in shape.Required.Where(r => !action.TryGetProperty(r, out _)))
        {
            yield return $"button {type}: {missing} is required";
        }

        if (button.TryGetProperty("color", out var color))
        {
            if (type is not ("text" or "callback"))
            {
                yield return $"button {type}: colours are only for text and callback buttons";
            }
            else if (color.ValueKind != JsonValueKind.String || !Colors.Contains(color.GetString()))
            {
                yield return $"button: colour {color.GetRawText()} is not one of {string.Join("|", Colors)}";
            }
        }

        if (action.TryGetProperty("label", out var label) && (label.ValueKind != JsonValueKind.String || label.GetString()!.Length is 0 or > MaxLabel))
        {
            yield return $"button {type}: the label must be text of 1 to {MaxLabel} characters";
        }

        if (action.TryGetProperty("payload", out var payload) && PayloadProblem(payload) is { } problem)
        {
            yield return $"button {type}: {problem}";
        }
    }

    private static string? PayloadProblem(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.String)
        {
            return "the payload must be a JSON document in a string";
        }

        var text = payload.GetString()!;
        if (text.Length > MaxPayload)
        {
            return $"the payload is longer than {MaxPayload} characters";
        }

        return JsonText.Parse(text) is null ? "the payload is not JSON" : null;
    }
}
