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

namespace PdBot.Tests.Vk;

/// <summary>
/// A VK API server on Kestrel (127.0.0.1, random port) that answers <c>POST /method/{method}</c> (form-encoded, like
/// api.vk.com) and serves a Bots Long Poll endpoint at <see cref="LongPollServerUrl"/>. Records every call made with the
/// right token, dedupes messages.send by (peer, random_id) like VK, and fails calls or polls on demand.
/// </summary>
public sealed partial class FakeVkServer : IAsyncDisposable
{
    public const string ApiVersion = "5.199";
    public const long DefaultGroupId = 229000000;

    private readonly Lock _gate = new();
    private readonly List<VkRecordedCall> _calls = [];
    private readonly List<VkSentMessage> _sent = [];
    private readonly Dictionary<(long Peer, long RandomId), long> _byRandomId = [];
    private readonly List<Failure> _failures = [];
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private long _nextMessageId = 500;
    private int _disposed;

    private FakeVkServer(string accessToken, long groupId)
    {
        AccessToken = accessToken;
        GroupId = groupId;
    }

    public string AccessToken { get; }

    public long GroupId { get; }

    /// <summary>"http://127.0.0.1:PORT/method/": append the method name.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>"http://127.0.0.1:PORT/lp": the <c>server</c> that groups.getLongPollServer hands out.</summary>
    public string LongPollServerUrl { get; private set; } = "";

    public IReadOnlyList<VkRecordedCall> Calls { get { lock (_gate) { return [.. _calls]; } } }

    /// <summary>Messages really sent, in order (a messages.send repeating a random_id for the same peer is not listed).</summary>
    public IReadOnlyList<VkSentMessage> SentMessages { get { lock (_gate) { return [.. _sent]; } } }

    public IReadOnlyList<VkRecordedCall> CallsTo(string method) =>
        [.. Calls.Where(c => string.Equals(c.Method, method, StringComparison.Ordinal))];

    public static async Task<FakeVkServer> StartAsync(string accessToken = "vk-test-token", long groupId = DefaultGroupId)
    {
        var server = new FakeVkServer(accessToken, groupId);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server._app = app;
        var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        server.BaseUrl = root + "/method/";
        server.LongPollServerUrl = root + LongPollPath;
        return server;
    }

    /// <summary>The next call to <paramref name="method"/> (for <paramref name="peerId"/> only, if given: peer_id or user_id) answers VK's error envelope.</summary>
    public void FailNext(string method, int errorCode, string errorMsg, long? peerId = null) =>
        AddFailure(new(method, peerId, errorCode, errorMsg, Once: true));

    /// <summary>Every call to <paramref name="method"/> for <paramref name="peerId"/> fails (e.g. 901 "Can't send messages for users without permission").</summary>
    public void AlwaysFail(string method, long peerId, int errorCode, string errorMsg) =>
        AddFailure(new(method, peerId, errorCode, errorMsg, Once: false));

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
        var path = ctx.Request.Path.Value ?? "";
        (int Status, JsonNode Body) answer;
        if (path == LongPollPath && HttpMethods.IsGet(ctx.Request.Method))
        {
            answer = (200, await PollAsync(ctx.Request.Query, ctx.RequestAborted));
        }
        else if (path.StartsWith("/method/", StringComparison.Ordinal) && path.Length > "/method/".Length)
        {
            answer = (200, await CallAsync(ctx, path["/method/".Length..]));
        }
        else
        {
            answer = (404, new JsonObject { ["error"] = "not found" });
        }

        ctx.Response.StatusCode = answer.Status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.WriteAsync(answer.Body.ToJsonString(), ctx.RequestAborted);
    }

    private async Task<JsonObject> CallAsync(HttpContext ctx, string method)
    {
        // Query string and form body both count, like VK; a JSON body is not read (VK does not accept one).
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in ctx.Request.Query)
        {
            fields[key] = value.ToString();
        }

        if (ctx.Request.HasFormContentType)
        {
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }
        }

        var token = fields.GetValueOrDefault("access_token");
        var auth = ctx.Request.Headers.Authorization.ToString();
        if (token is null && auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            token = auth["Bearer ".Length..];
        }

        if (token != AccessToken)
        {
            return Error(5, "User authorization failed: invalid access_token (4).", method, fields);
        }

        if (string.IsNullOrEmpty(fields.GetValueOrDefault("v")))
        {
            return Error(8, "Invalid request: v (version) is required", method, fields);
        }

        var call = new VkRecordedCall(0, method, fields);
        lock (_gate)
        {
            call = call with { Order = _calls.Count };
            _calls.Add(call);
            var peer = call.PeerId;
            var failure = _failures.FirstOrDefault(f => string.Equals(f.Method, method, StringComparison.Ordinal) && (f.PeerId is null || f.PeerId == peer));
            if (failure is { Once: true })
            {
                _failures.Remove(failure);
            }

            if (failure is not null)
            {
                return Error(failure.Code, failure.Message, method, fields);
            }
        }

        return method switch
        {
            "messages.send" => Send(call),
            "messages.edit" => Keyboard(call, out _) ? Ok(1) : Error(911, "Keyboard format is invalid", method, fields),
            "messages.sendMessageEventAnswer" => SendMessageEventAnswer(call),
            "groups.getLongPollServer" => GetLongPollServer(call),
            _ => Error(3, "Unknown method passed", method, fields),
        };
    }

    private JsonObject Send(VkRecordedCall call)
    {
        if (call.PeerId is not { } peer)
        {
            return Error(100, "One of the parameters specified was missing or invalid: you should specify peer_id, user_id, domain, chat_id or user_ids param", call.Method, call.Fields);
        }

        if (call.RandomId is not { } randomId || randomId == 0)
        {
            return Error(100, "One of the parameters specified was missing or invalid: random_id is required", call.Method, call.Fields);
        }

        if (!Keyboard(call, out var keyboard))
        {
            return Error(911, "Keyboard format is invalid", call.Method, call.Fields);
        }

        lock (_gate)
        {
            if (_byRandomId.TryGetValue((peer, randomId), out var original))
            {
                return Ok(original); // VK does not send it again
            }

            var id = _nextMessageId++;
            _byRandomId[(peer, randomId)] = id;
            _sent.Add(new VkSentMessage(id, peer, randomId, call.Message, keyboard, call.Field("payload")));
            return Ok(id);
        }
    }

    private static JsonObject SendMessageEventAnswer(VkRecordedCall call)
    {
        if (string.IsNullOrEmpty(call.Field("event_id")) || call.Field("user_id") is null || call.Field("peer_id") is null)
        {
            return Error(100, "One of the parameters specified was missing or invalid: event_id, user_id and peer_id are required", call.Method, call.Fields);
        }

        return call.Field("event_data") is { } data && !IsJson(data)
            ? Error(100, "One of the parameters specified was missing or invalid: event_data is invalid", call.Method, call.Fields)
            : Ok(1);
    }

    /// <summary>Parses the keyboard field (false when it is not valid JSON; keyboard is null when there is none).</summary>
    private static bool Keyboard(VkRecordedCall call, out JsonElement? keyboard)
    {
        keyboard = null;
        if (call.Field("keyboard") is not { } text)
        {
            return true;
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            keyboard = doc.RootElement.Clone();
            return doc.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonObject Ok(JsonNode? response) => new() { ["response"] = response };

    private static JsonObject Error(int code, string message, string method, IReadOnlyDictionary<string, string> fields) => new()
    {
        ["error"] = new JsonObject
        {
            ["error_code"] = code,
            ["error_msg"] = message,
            ["request_params"] = new JsonArray(
                new JsonObject { ["key"] = "method", ["value"] = method },
                new JsonObject { ["key"] = "v", ["value"] = fields.GetValueOrDefault("v") ?? ApiVersion }),
        },
    };

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);

    private sealed record Failure(string Method, long? PeerId, int Code, string Message, bool Once);
}
