using System.Globalization;
using System.Text.Json;

namespace PdBot.Tests.Telegram;

/// <summary>
/// One Bot API call received by <see cref="FakeTelegramServer"/>: its order (from 0), method name as sent, JSON body
/// (<c>{}</c> when empty), and when it arrived on the server's clock.
/// </summary>
public sealed record RecordedCall(int Order, string Method, JsonElement Body, DateTimeOffset At = default)
{
    /// <summary><c>chat_id</c> of the request, if it has a numeric one.</summary>
    public long? ChatId => Long(Body, "chat_id");

    /// <summary><c>text</c> of the request, if any.</summary>
    public string? Text => Body.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    internal static long? Long(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var v) ? null
        : v.ValueKind == JsonValueKind.Number ? v.GetInt64()
        : v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : null;
}
