using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PdBot.Adapters.Inbox;
using PdBot.Core.Inbox;

namespace PdBot.Adapters.Vk;

/// <summary>
/// <c>POST /webhooks/vk</c> (Callback API): the secret is checked first, "confirmation" gets the code,
/// any other event is stored before "ok" is answered; a redelivered event_id is answered "ok" with no effect.
/// </summary>
public static class VkEndpoints
{
    public const string Route = "/webhooks/vk";

    public static IEndpointRouteBuilder MapVkCallback(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var o = app.ServiceProvider.GetRequiredService<IOptions<VkOptions>>().Value;
        if (o.Enabled && o.Mode == VkOptions.Callback)
        {
            app.MapPost(Route, HandleAsync);
        }

        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, IOptions<VkOptions> options, VkChannel channel, TimeProvider time)
    {
        var o = options.Value;
        using var body = await WebhookBody.ReadAsync(request);
        if (body is null)
        {
            return WebhookBody.TooLarge();
        }

        // Parsed once, from the bytes; the document lives until the event is mapped and stored.
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body.Memory);
        }
        catch (JsonException)
        {
            return Results.Text("malformed JSON", statusCode: StatusCodes.Status400BadRequest);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return Results.Text("malformed event: expected an object with a string \"type\"", statusCode: StatusCodes.Status400BadRequest);
            }

            var secret = root.TryGetProperty("secret", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(o.Secret)))
            {
                return Results.Text("bad secret", statusCode: StatusCodes.Status403Forbidden);
            }

            if (!root.TryGetProperty("group_id", out var g) || g.ValueKind != JsonValueKind.Number || !g.TryGetUInt64(out var groupId) || groupId != o.GroupId)
            {
                return Results.Text("malformed event: group_id missing or not this community", statusCode: StatusCodes.Status400BadRequest);
            }

            if (type.GetString() == "confirmation")
            {
                return Results.Text(o.ConfirmationCode);
            }

            if (!root.TryGetProperty("event_id", out var id) || id.ValueKind != JsonValueKind.String || !root.TryGetProperty("object", out _))
            {
                return Results.Text("malformed event: event_id and object are required", statusCode: StatusCodes.Status400BadRequest);
            }

            await channel.IngestAsync(new InboxItem
            {
                Id = $"{VkActivityMapper.Channel}:{id.GetString()}",
                Channel = VkActivityMapper.Channel,
                Payload = body.Text(),
                ReceivedAtUtc = time.GetUtcNow().UtcDateTime,
            }, Map(root), request.HttpContext.RequestAborted);
            return Results.Text("ok");
        }
    }

    // An event the mapper cannot read is still stored (and acknowledged): the loop skips it with a warning.
    private static PdBot.Core.Turns.Activity? Map(JsonElement root)
    {
        try
        {
            return VkActivityMapper.ToActivity(root);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException or JsonException)
        {
            return null;
        }
    }
}
