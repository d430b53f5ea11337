using System.Globalization;
using System.Text.Json;

namespace PdBot.Adapters.Vk.Api;

/// <summary>groups.* methods, as VkNet's <c>api.Groups</c>.</summary>
public sealed class GroupsCategory
{
    private readonly VkApi _api;

    internal GroupsCategory(VkApi api) => _api = api;

    public async Task<LongPollServerResponse> GetLongPollServerAsync(ulong groupId, CancellationToken ct)
    {
        var r = await _api.CallAsync("groups.getLongPollServer",
            [new("group_id", groupId.ToString(CultureInfo.InvariantCulture))], ct);
        return new LongPollServerResponse
        {
            Key = Text(r, "key"),
            Server = Text(r, "server"),
            Ts = Text(r, "ts"),
        };
    }

    /// <summary>A field as text; ts is documented as a string but has been seen as a number, so both are read.</summary>
    private static string Text(JsonElement r, string name) =>
        r.ValueKind == JsonValueKind.Object && r.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString()!,
                JsonValueKind.Number => v.GetRawText(),
                _ => throw new VkApiException(-1, $"groups.getLongPollServer: \"{name}\" is {v.ValueKind}"),
            }
            : throw new VkApiException(-1, $"groups.getLongPollServer: no \"{name}\"");
}
