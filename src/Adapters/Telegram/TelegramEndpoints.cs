using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
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

    // The Bot API sends numbers as numbers; Telegram.Bot's options also read them from strings, which is refused here.
    private static readonly JsonSerializerOptions StrictNumbers = new(JsonBotAPI.Options) { NumberHandling = JsonNumberHandling.Strict };

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

    private static async Task<IResult> HandleAsync(HttpRequest request, IOptions<TelegramOptions> options, TelegramChannel channel, TimeProvider time)
    {
        if (!SecretMatches(options.Value.WebhookSecret, request.Headers[SecretHeader].ToString()))
        {
            return Results.Text("wrong secret token", statusCode: StatusCodes.Status403Forbidden);
        }

        using var body = await WebhookBody.ReadAsync(request);
        if (body is null)
        {
            return WebhookBody.TooLarge();
        }

        // Past the inbox's cap nothing more is stored: Telegram delivers the update again later.
        if (channel.Loop.Full)
        {
            return WebhookBody.InboxFull(request.HttpContext.Response, channel.Loop.RetryAfter);
        }

        // Parsed once, from the bytes: the update for the id and the mapping, the text for the store.
        var (update, problem) = Parse(body.Span);
        if (update is null)
        {
            return Results.Text("malformed update: " + problem, statusCode: StatusCodes.Status400BadRequest);
        }

        await channel.IngestAsync(new InboxItem
        {
            Id = $"{TelegramActivityMapper.Channel}:{update.Id}",
            Channel = TelegramActivityMapper.Channel,
            Payload = body.Text(),
            ReceivedAtUtc = time.GetUtcNow().UtcDateTime,
        }, Map(update), request.HttpContext.RequestAborted);
        return Results.Ok();
    }

    // An update the mapper cannot read is still stored (and acknowledged): the loop skips it with a warning.
    private static PdBot.Core.Turns.Activity? Map(Update update)
    {
        try
        {
            return TelegramActivityMapper.ToActivity(update);
        }
        catch (NullReferenceException)
        {
            return null;
        }
    }

    private static (Update? Update, string Problem) Parse(ReadOnlySpan<byte> body)
    {
        const string Expected = "expected a JSON object with a numeric update_id";
        try
        {
            // A missing update_id reads as 0; Telegram's ids are positive.
            return JsonSerializer.Deserialize<Update>(body, StrictNumbers) is { Id: > 0 } update ? (update, "") : (null, Expected);
        }
        catch (JsonException ex)
        {
            // The path names the field (never its value): "$.message.from.id".
            return (null, ex.Path is { Length: > 1 } path ? $"{Expected}; {path} has the wrong type (ids are JSON numbers)" : Expected);
        }
    }

    private static bool SecretMatches(string expected, string actual) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
