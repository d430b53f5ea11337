using System.Globalization;
using System.Text.Json;

namespace PdBot.Tests.Vk;

/// <summary>One API call received by <see cref="FakeVkServer"/> with the right token: its order (from 0), method name as sent, and form fields (query string and body, <c>access_token</c> included).</summary>
public sealed record VkRecordedCall(int Order, string Method, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary><c>peer_id</c> of the request, or <c>user_id</c> when there is no peer_id.</summary>
    public long? PeerId => Long(Fields, "peer_id") ?? Long(Fields, "user_id");

    public long? RandomId => Long(Fields, "random_id");

    /// <summary>The <c>message</c> field, if any.</summary>
    public string? Message => Field("message");

    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    internal static long? Long(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
