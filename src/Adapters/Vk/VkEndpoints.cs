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

    private static async Task<IResult> HandleAsync(HttpRequest request, IOptions<VkOptions> options, IInbox inbox, VkChannel channel, TimeProvider time)
    {
        var o = options.Value;
        if (await WebhookBody.ReadAsync(request) is not { } body)
        {
            return WebhookBody.TooLarge();
        }

        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(body);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Results.Text("malformed JSON", statusCode: StatusCodes.Status400BadRequest);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return Results.Text("malformed event: expected an object with a string \"type\"", statusCode: StatusCodes.Status400BadRequest);
        }

        var secret = root.TryGetProperty("secret", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(o.Secret)))
        {
            return Results.Text("bad secret", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!root.TryGetProperty("group_id", out var g) || g.ValueKind != JsonValueKind.Number || g.GetUInt64() != o.GroupId)
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

        await inbox.TryAddAsync(new InboxItem
        {
            Id = $"{VkActivityMapper.Channel}:{id.GetString()}",
            Channel = VkActivityMapper.Channel,
            Payload = body,
            ReceivedAtUtc = time.GetUtcNow().UtcDateTime,
        }, request.HttpContext.RequestAborted);
        channel.Signal();
        return Results.Text("ok");
    }
}
