using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using PdBot.Adapters.Inbox;
using PdBot.Core.Inbox;

namespace PdBot.Adapters.Telegram;

/// <summary>
/// <c>POST /webhooks/telegram</c>: the secret is checked first (403), the body must be an update (400),
/// and the update is stored before the 200 — processing happens afterwards, off the request.
/// </summary>
public static class TelegramEndpoints
{
    public const string Route = "/webhooks/telegram";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (options.Enabled && options.Mode == TelegramOptions.Webhook)
        {
            app.MapPost(Route, HandleAsync);
        }

        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, IOptions<TelegramOptions> options, IInbox inbox, TelegramChannel channel, TimeProvider time)
    {
        if (!SecretMatches(options.Value.WebhookSecret, request.Headers[SecretHeader].ToString()))
        {
            return Results.Text("wrong secret token", statusCode: StatusCodes.Status403Forbidden);
        }

        if (await WebhookBody.ReadAsync(request) is not { } body)
        {
            return WebhookBody.TooLarge();
        }

        if (Parse(body) is not { } update)
        {
            return Results.Text("malformed update: expected a JSON object with a numeric update_id", statusCode: StatusCodes.Status400BadRequest);
        }

        await inbox.TryAddAsync(new InboxItem
        {
            Id = $"{TelegramActivityMapper.Channel}:{update.Id}",
            Channel = TelegramActivityMapper.Channel,
            Payload = body,
            ReceivedAtUtc = time.GetUtcNow().UtcDateTime,
        }, request.HttpContext.RequestAborted);
        channel.Signal();
        return Results.Ok();
    }

    private static Update? Parse(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("update_id", out var id) || id.ValueKind != JsonValueKind.Number)
            {
                return null;
            }

            return JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool SecretMatches(string expected, string actual) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
