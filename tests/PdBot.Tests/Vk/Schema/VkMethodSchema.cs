using System.Globalization;
using static PdBot.Tests.Vk.Schema.VkParameter;

namespace PdBot.Tests.Vk.Schema;

/// <summary>
/// The methods PdBot calls, with every parameter VK's schema lists for API 5.199, written from
/// ../shared/reference/vk-api-schema-5.199/ (VKCOM/vk-api-schema, commit 0efe478): messages/methods.json
/// (messages.send, messages.edit, messages.sendMessageEventAnswer, messages.getByConversationMessageId) and
/// groups/methods.json (groups.getLongPollServer). <see cref="Check"/> lists what a call does wrong.
/// </summary>
public static class VkMethodSchema
{
    public const string Version = "5.199";

    private static readonly string[] Intents =
    [
        "account_update", "bot_ad_invite", "bot_ad_promo", "confirmed_notification", "customer_support", "default",
        "finance_notification", "game_notification", "moderated_newsletter", "non_promo_newsletter", "promo_newsletter",
        "purchase_update",
    ];

    public static IReadOnlyDictionary<string, VkMethod> Methods { get; } = new[]
    {
        new VkMethod("messages.send",
        [
            Long("user_id"),

            // Not marked required in the schema file, but required since 5.90 (dev.vk.com/method/messages.send).
            Int("random_id", required: true),
            Long("peer_id"),
            Ints("peer_ids", maxItems: 100, int64: true),
            Text("domain"),
            Int("chat_id", min: 0, max: 100000000),
            Text("message", maxLength: 9000),
            Number("lat"),
            Number("long"),
            Text("attachment", maxLength: 9000),
            Int("reply_to"),
            Ints("forward_messages", maxItems: 1000),
            Text("forward"),
            Int("sticker_id", min: 0),
            Long("group_id", min: 0),
            Text("keyboard"),
            Text("template"),
            Text("payload", maxLength: 1000),
            Text("content_source"),
            Flag("dont_parse_links"),
            Flag("disable_mentions"),
            OneOf("intent", Intents),
            Int("subscribe_id", min: 0, max: 100),
        ])
        {
            AnyOf = [["message", "attachment", "sticker_id", "forward_messages"], ["peer_id", "user_id", "peer_ids", "domain", "chat_id"]],
        },
        new VkMethod("messages.edit",
        [
            Long("peer_id", required: true),
            Text("message", maxLength: 9000),
            Number("lat"),
            Number("long"),
            Text("attachment"),
            Flag("keep_forward_messages"),
            Flag("keep_snippets"),
            Long("group_id", min: 0),
            Flag("dont_parse_links"),
            Flag("disable_mentions"),
            Int("message_id", min: 0),
            Int("cmid", min: 0),
            Text("template"),
            Text("keyboard"),
        ])
        {
            // The text: "(Required if 'attachments' is not set.)"; the message: without either id there is none to edit.
            AnyOf = [["message", "attachment"], ["message_id", "cmid"]],
        },
        new VkMethod("messages.sendMessageEventAnswer",
        [
            Text("event_id", required: true),
            Long("user_id", required: true),
            Long("peer_id", required: true),
            Text("event_data", maxLength: 1000),
        ]),
        new VkMethod("messages.getByConversationMessageId",
        [
            Long("peer_id", required: true),
            Ints("conversation_message_ids", maxItems: 100, required: true, min: 0),
            Flag("extended"),
            Texts("fields"),
            Long("group_id", min: 0),
        ]),
        new VkMethod("groups.getLongPollServer",
        [
            Long("group_id", required: true, min: 1),
        ]),
    }.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>
    /// What is wrong with a call (empty when nothing): an unknown method or parameter, a missing required one, a value
    /// of the wrong type or outside its range or enum, a <c>v</c> other than <see cref="Version"/>.
    /// <c>access_token</c> and <c>v</c> are the parameters every method takes (dev.vk.com/api/api-requests).
    /// </summary>
    public static IReadOnlyList<string> Check(string method, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (!Methods.TryGetValue(method, out var schema))
        {
            return [$"{method}: not a method PdBot may call (not in the table)"];
        }

        var problems = new List<string>();
        if (fields.GetValueOrDefault("v") != Version)
        {
            problems.Add($"{method}: v is \"{fields.GetValueOrDefault("v")}\", not {Version}");
        }

        var byName = schema.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            if (name is "access_token" or "v")
            {
                continue;
            }

            if (!byName.TryGetValue(name, out var p))
            {
                problems.Add($"{method}: unknown parameter {name}");
            }
            else if (Problem(p, value) is { } problem)
            {
                problems.Add($"{method}: {name} {problem}");
            }
        }

        problems.AddRange(schema.Parameters.Where(p => p.Required && !fields.ContainsKey(p.Name)).Select(p => $"{method}: missing required {p.Name}"));
        problems.AddRange(schema.AnyOf.Where(group => !group.Any(fields.ContainsKey)).Select(group => $"{method}: needs one of {string.Join(", ", group)}"));
        return problems;
    }

    private static string? Problem(VkParameter p, string value) => p.Type switch
    {
        VkParameterType.Integer => IntegerProblem(p, value),
        VkParameterType.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : $"is not a number: \"{value}\"",
        VkParameterType.Boolean => value is "0" or "1" ? null : $"is not 1 or 0: \"{value}\"",
        VkParameterType.Array => ArrayProblem(p, value),
        _ => StringProblem(p, value),
    };

    private static string? IntegerProblem(VkParameter p, string value)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return $"is not an integer: \"{value}\"";
        }

        if (!p.Int64 && n is < int.MinValue or > int.MaxValue)
        {
            return $"is not an int32: {value}";
        }

        return n < p.Minimum ? $"is below {p.Minimum}: {value}"
            : n > p.Maximum ? $"is above {p.Maximum}: {value}"
            : null;
    }

    private static string? StringProblem(VkParameter p, string value) =>
        p.Enum is { } values && !values.Contains(value, StringComparer.Ordinal) ? $"is not one of {string.Join("|", values)}: \"{value}\""
        : value.Length > p.MaxLength ? $"is longer than {p.MaxLength} characters ({value.Length})"
        : p.Required && value.Length == 0 ? "is empty"
        : null;

    private static string? ArrayProblem(VkParameter p, string value)
    {
        var items = value.Split(',');
        if (items.Length > p.MaxItems)
        {
            return $"has more than {p.MaxItems} items ({items.Length})";
        }

        var item = p with { Type = p.Items ?? VkParameterType.String, Enum = null, MaxLength = null };
        return items.Select(i => Problem(item, i)).FirstOrDefault(problem => problem is not null) is { } bad ? "item " + bad : null;
    }
}
