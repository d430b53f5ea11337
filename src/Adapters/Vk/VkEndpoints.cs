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
/// <c>POST /webhooks/vk</c> (Callback API): the secret is checked first, from a scan before any parse (<see cref="VkSecretScan"/>), "confirmation" gets the code,
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

        // The secret from a scan of the bytes: a body without it is never parsed (a stranger's 1 MiB costs one pass).
        switch (VkSecretScan.Check(body.Span, o.Secret))
        {
            case VkSecretResult.Malformed:
                return BadRequest("malformed JSON: expected an object");
            case VkSecretResult.Wrong:
                return Results.Text("bad secret", statusCode: StatusCodes.Status403Forbidden);
        }

        // Past the inbox's cap nothing more is stored: VK delivers the event again later.
        if (channel.Loop.Full)
        {
            return WebhookBody.InboxFull(request.HttpContext.Response, channel.Loop.RetryAfter);
        }

        // Parsed once, from the bytes; the document lives until the event is mapped and stored.
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body.Memory);
        }
        catch (JsonException)
        {
            return BadRequest("malformed JSON");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return BadRequest("malformed event: expected an object with a string \"type\"");
            }

            if (!root.TryGetProperty("group_id", out var g) || g.ValueKind != JsonValueKind.Number || !g.TryGetUInt64(out var groupId) || groupId == 0)
            {
                return BadRequest("malformed event: group_id must be a positive integer (a JSON number)");
            }

            // Another community's events (a server address shared by mistake): refused, so VK shows the error in its settings.
            if (groupId != o.GroupId)
            {
                return BadRequest("group_id is not this community");
            }

            if (type.GetString() == "confirmation")
            {
                return Results.Text(o.ConfirmationCode);
            }

            if (!root.TryGetProperty("event_id", out var id) || id.ValueKind != JsonValueKind.String || !root.TryGetProperty("object", out _))
            {
                return BadRequest("malformed event: event_id and object are required");
            }

            PdBot.Core.Turns.Activity? activity;
            try
            {
                activity = Map(root);
            }
            catch (FormatException ex)
            {
                // A VK id that is not a JSON integer: the message names the field, never its value.
                return BadRequest("malformed event: " + ex.Message);
            }

            await channel.IngestAsync(new InboxItem
            {
                Id = $"{VkActivityMapper.Channel}:{id.GetString()}",
                Channel = VkActivityMapper.Channel,
                Payload = body.Text(),
                ReceivedAtUtc = time.GetUtcNow().UtcDateTime,
            }, activity, request.HttpContext.RequestAborted);
            return Results.Text("ok");
        }
    }

    private static IResult BadRequest(string reason) => Results.Text(reason, statusCode: StatusCodes.Status400BadRequest);

    // An event the mapper cannot read is still stored (and acknowledged): the loop skips it with a warning. A VK id
    // that is not a JSON integer is the sender's error (FormatException), refused with 400 by the caller.
    private static PdBot.Core.Turns.Activity? Map(JsonElement root)
    {
        try
        {
            return VkActivityMapper.ToActivity(root);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or JsonException)
        {
            return null;
        }
    }
}
