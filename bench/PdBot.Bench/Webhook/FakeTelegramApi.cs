using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PdBot.Bench.Webhook;

/// <summary>
/// A Bot API that answers <c>POST /bot{token}/{method}</c> at once with real Bot API JSON, so the bench measures
/// PdBot and not Telegram. It remembers when each chat last got a message, for the reply-latency figures.
/// </summary>
internal sealed class FakeTelegramApi : IAsyncDisposable
{
    public const string Token = "123456:BENCH";
    private const string StaleQuery = """{"ok":false,"error_code":400,"description":"Bad Request: query is too old and response timeout expired or query ID is invalid"}""";
    private const string True = """{"ok":true,"result":true}""";
    private const string Me = """{"ok":true,"result":{"id":123456,"is_bot":true,"first_name":"PdBot","username":"pdbot_bench_bot"}}""";
    private readonly ConcurrentDictionary<long, long> _lastSendTo = new();
    private readonly WebApplication _app;
    private int _nextMessageId = 1000;

    private FakeTelegramApi(WebApplication app) => _app = app;

    /// <summary>"http://127.0.0.1:PORT", the host's Telegram:ApiBaseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The stall scenario: every answerCallbackQuery fails as Telegram does 15 s after the press.</summary>
    public bool CallbacksTooOld { get; set; }

    public static async Task<FakeTelegramApi> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new FakeTelegramApi(app);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return api;
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp of the last sendMessage to the chat, if any.</summary>
    public long? LastSendTo(long chatId) => _lastSendTo.TryGetValue(chatId, out var at) ? at : null;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        var method = path[(path.LastIndexOf('/') + 1)..].ToUpperInvariant();
        var (status, json) = method switch
        {
            "SENDMESSAGE" => (200, await SentAsync(ctx.Request)),
            "EDITMESSAGEREPLYMARKUP" => (200, await EditedAsync(ctx.Request)),
            "ANSWERCALLBACKQUERY" => CallbacksTooOld ? (400, StaleQuery) : (200, True),
            "SETWEBHOOK" or "DELETEWEBHOOK" => (200, True),
            "GETME" => (200, Me),
            _ => (404, """{"ok":false,"error_code":404,"description":"Not Found"}"""),
        };
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(json, ctx.RequestAborted);
    }

    private async Task<string> SentAsync(HttpRequest request)
    {
        var chat = await ChatIdAsync(request);
        _lastSendTo[chat] = Stopwatch.GetTimestamp();
        return Message(chat, Interlocked.Increment(ref _nextMessageId));
    }

    private static async Task<string> EditedAsync(HttpRequest request) => Message(await ChatIdAsync(request), 1000);

    private static async Task<long> ChatIdAsync(HttpRequest request)
    {
        using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        return doc.RootElement.TryGetProperty("chat_id", out var chat)
            ? chat.ValueKind == JsonValueKind.Number ? chat.GetInt64() : long.Parse(chat.GetString() ?? "0", CultureInfo.InvariantCulture)
            : 0;
    }

    private static string Message(long chat, long messageId) => string.Create(CultureInfo.InvariantCulture,
        $$$"""{"ok":true,"result":{"message_id":{{{messageId}}},"from":{"id":123456,"is_bot":true,"first_name":"PdBot"},"chat":{"id":{{{chat}}},"type":"private","first_name":"Test"},"date":{{{TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()}}},"text":"…"}}""");
}
