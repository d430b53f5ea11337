using System.Text;
using Microsoft.AspNetCore.Http;

namespace PdBot.Adapters.Inbox;

/// <summary>Reads a platform's webhook body as text, refusing anything larger than a real update can be.</summary>
public static class WebhookBody
{
    public const int MaxChars = 1 << 20;

    /// <returns>The body, or null when it is over <see cref="MaxChars"/>.</returns>
    public static async Task<string?> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxChars + 1];
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), request.HttpContext.RequestAborted);
        return length > MaxChars ? null : new string(buffer, 0, length);
    }

    public static IResult TooLarge() => Results.Text("body too large", statusCode: StatusCodes.Status413PayloadTooLarge);
}
