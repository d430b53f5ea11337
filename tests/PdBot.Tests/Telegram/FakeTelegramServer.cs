using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Tests.Russian;

namespace PdBot.Tests.Telegram;

/// <summary>
/// A Bot API server on Kestrel (127.0.0.1, random port) that answers <c>POST /bot{token}/{method}</c> the way
/// api.telegram.org does, records every call made with the right token, serves enqueued updates to getUpdates
/// (long polling included) and fails calls on demand.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly List<string> _latin = [];
    private readonly List<(long Id, string Json)> _updates = [];
    private readonly List<long?> _offsets = [];
    private readonly List<Failure> _failures = [];
    private readonly Dictionary<(long Chat, long Message), (string? Text, string? Markup)> _messages = [];
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _updateArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private int _nextMessageId = 1000;
    private int _disposed;

    private FakeTelegramServer(string token) => Token = token;

    public string Token { get; }

    /// <summary>"http://127.0.0.1:PORT", for <c>TelegramBotClientOptions(token, baseUrl)</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The clock that stamps each call's arrival (<see cref="RecordedCall.At"/>); a test may give its fake one.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public long BotId => long.TryParse(Token.Split(':')[0], CultureInfo.InvariantCulture, out var id) ? id : 1;

    public IReadOnlyList<RecordedCall> Calls { get { lock (_gate) { return [.. _calls]; } } }

    /// <summary>The <c>offset</c> of every getUpdates call, in order (null when none was sent).</summary>
    public IReadOnlyList<long?> GetUpdatesOffsets { get { lock (_gate) { return [.. _offsets]; } } }

    /// <summary>Enqueued updates not yet confirmed by a getUpdates offset.</summary>
    public int PendingUpdates { get { lock (_gate) { return _updates.Count; } } }

    public IReadOnlyList<RecordedCall> CallsTo(string method) =>
        [.. Calls.Where(c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase))];

    public static async Task<FakeTelegramServer> StartAsync(string token = "123456:TEST")
    {
        var server = new FakeTelegramServer(token);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server._app = app;
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return server;
    }

    /// <summary>Queues a raw update (must have "update_id") for getUpdates and wakes a waiting long poll.</summary>
    public void EnqueueUpdate(string updateJson)
    {
        using var doc = JsonDocument.Parse(updateJson);
        var id = RecordedCall.Long(doc.RootElement, "update_id") ?? throw new ArgumentException("The update has no update_id.", nameof(updateJson));
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _updates.Add((id, updateJson));
            arrived = _updateArrived;
            _updateArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }

    /// <summary>The next call to <paramref name="method"/> (to <paramref name="chatId"/> only, if given) fails like Telegram would.</summary>
    public void FailNext(string method, int errorCode, string description, int? retryAfter = null, long? chatId = null) =>
        AddFailure(new(method, chatId, errorCode, description, retryAfter, Once: true));

    /// <summary>Every call to <paramref name="method"/> for <paramref name="chatId"/> fails (e.g. 403 for a user who blocked the bot).</summary>
    public void AlwaysFail(string method, long chatId, int code, string description) =>
        AddFailure(new(method, chatId, code, description, null, Once: false));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
        Assert.True(_latin.Count == 0, "Latin words sent to a person: " + string.Join("; ", _latin));
    }

    private void AddFailure(Failure failure)
    {
        lock (_gate)
        {
            _failures.Add(failure);
        }
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var (status, response) = await AnswerAsync(ctx);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(response.ToJsonString(), ctx.RequestAborted);
    }

    private async Task<(int Status, JsonObject Response)> AnswerAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        var slash = path.LastIndexOf('/');
        if (!path.StartsWith("/bot", StringComparison.Ordinal) || slash < 4)
        {
            return (404, Error(404, "Not Found"));
        }

        if (path[4..slash] != Token)
        {
            return (401, Error(401, "Unauthorized"));
        }

        var method = path[(slash + 1)..];
        using var reader = new StreamReader(ctx.Request.Body);
        var text = await reader.ReadToEndAsync(ctx.RequestAborted);
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
        var body = doc.RootElement.Clone();
        lock (_gate)
        {
            _calls.Add(new RecordedCall(_calls.Count, method, body, Clock.GetUtcNow()));

            // What the person reads is Russian (issue 10): texts of messages and button answers are scanned.
            if (body.TryGetProperty("text", out var said) && said.ValueKind == JsonValueKind.String && LatinWords.In(said.GetString()) is { Count: > 0 } latin)
            {
                _latin.Add($"{method}: {string.Join(", ", latin)}");
            }
            var chatId = RecordedCall.Long(body, "chat_id");
            var failure = _failures.FirstOrDefault(f => string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase) && (f.ChatId is null || f.ChatId == chatId));
            if (failure is { Once: true })
            {
                _failures.Remove(failure);
            }

            if (failure is not null)
            {
                return (failure.Code, Error(failure.Code, failure.Description, failure.RetryAfter));
            }
        }

        return method.ToUpperInvariant() switch
        {
            "SENDMESSAGE" => (200, Ok(Remember(body, Interlocked.Increment(ref _nextMessageId) - 1))),
            "EDITMESSAGEREPLYMARKUP" => EditMarkup(body),
            "GETUPDATES" => (200, Ok(await GetUpdatesAsync(body, ctx.RequestAborted))),
            "ANSWERCALLBACKQUERY" or "SETWEBHOOK" or "DELETEWEBHOOK" => (200, Ok(true)),
            "GETME" => (200, Ok(User(BotId, true))),
            _ => (404, Error(404, "Not Found")),
        };
    }

    private (int, JsonObject) EditMarkup(JsonElement body)
    {
        if (RecordedCall.Long(body, "chat_id") is not { } chat || RecordedCall.Long(body, "message_id") is not { } id)
        {
            return (200, Ok(true)); // inline_message_id edits answer true
        }

        var markup = body.TryGetProperty("reply_markup", out var m) ? m.GetRawText() : null;
        lock (_gate)
        {
            if (_messages.TryGetValue((chat, id), out var last) && last.Markup == markup)
            {
                return (400, Error(400, NotModified));
            }
        }

        return (200, Ok(Remember(body, id)));
    }

    /// <summary>Stores the message's text (kept on edits) and markup, and builds the Message result.</summary>
    private JsonObject Remember(JsonElement body, long messageId)
    {
        var chat = RecordedCall.Long(body, "chat_id") ?? 0;
        var markup = body.TryGetProperty("reply_markup", out var m) ? m.GetRawText() : null;
        string? text;
        lock (_gate)
        {
            text = body.TryGetProperty("text", out var t) ? t.GetString() : _messages.GetValueOrDefault((chat, messageId)).Text;
            _messages[(chat, messageId)] = (text, markup);
        }

        var message = Message(messageId, User(BotId, true), chat, text);
        if (markup is not null)
        {
            message["reply_markup"] = JsonNode.Parse(markup);
        }

        return message;
    }

    private async Task<JsonArray> GetUpdatesAsync(JsonElement body, CancellationToken aborted)
    {
        var offset = RecordedCall.Long(body, "offset");
        var limit = (int)Math.Clamp(RecordedCall.Long(body, "limit") ?? 100, 1, 100);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        wait.CancelAfter(TimeSpan.FromSeconds(Math.Max(0, RecordedCall.Long(body, "timeout") ?? 0)));
        lock (_gate)
        {
            _offsets.Add(offset);
            if (offset > 0)
            {
                _updates.RemoveAll(u => u.Id < offset); // confirmed
            }
            else if (offset < 0)
            {
                _updates.RemoveRange(0, Math.Max(0, _updates.Count + (int)offset)); // keep the last -offset
            }
        }

        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                var ready = _updates.Where(u => offset is not > 0 || u.Id >= offset).Take(limit).ToList();
                if (ready.Count > 0 || wait.IsCancellationRequested)
                {
                    return [.. ready.Select(u => JsonNode.Parse(u.Json))];
                }

                arrived = _updateArrived.Task;
            }

            try
            {
                await arrived.WaitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // the long poll timed out, the client left or the server is stopping: answer what there is
            }
        }
    }

    private sealed record Failure(string Method, long? ChatId, int Code, string Description, int? RetryAfter, bool Once);
}
