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
using PdBot.Tests.Vk.Schema;
using PdBot.Tests.Russian;

namespace PdBot.Tests.Vk;

/// <summary>
/// A VK API server on Kestrel (127.0.0.1, random port) that answers <c>POST /method/{method}</c> (form-encoded, like
/// api.vk.com) and serves a Bots Long Poll endpoint at <see cref="LongPollServerUrl"/>. Records every call made with the
/// right token, dedupes messages.send by (peer, random_id) like VK, and fails calls or polls on demand.
/// Strict like VK: a call that breaks VK's 5.199 schema (<see cref="VkMethodSchema"/>, <see cref="VkKeyboardRules"/>,
/// <see cref="VkEventDataRules"/>) is answered with error 100 (911 for a keyboard) and recorded as a violation, and
/// disposing the server fails the test while any violation is left that the test did not take with <see cref="TakeViolations"/>.
/// </summary>
public sealed partial class FakeVkServer : IAsyncDisposable
{
    public const string ApiVersion = "5.199";
    public const long DefaultGroupId = 229000000;
    private const string HttpStatusItem = "fake-vk-http-status";

    private readonly Lock _gate = new();
    private readonly List<VkRecordedCall> _calls = [];
    private readonly List<VkSentMessage> _sent = [];
    private readonly Dictionary<(long Peer, long RandomId), long> _byRandomId = [];
    private readonly List<Failure> _failures = [];
    private readonly List<(string Method, int Status)> _httpFailures = [];
    private readonly List<string> _violations = [];
    private readonly Dictionary<long, long> _lastCmid = [];
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

    /// <summary>What calls did against VK's schema so far, in order (e.g. "messages.edit: unknown parameter conversation_message_id").</summary>
    public IReadOnlyList<string> Violations { get { lock (_gate) { return [.. _violations]; } } }

    /// <summary>Returns the violations so far and forgets them: for a test that breaks the schema on purpose.</summary>
    public IReadOnlyList<string> TakeViolations()
    {
        lock (_gate)
        {
            var taken = _violations.ToList();
            _violations.Clear();
            return taken;
        }
    }

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

    /// <summary>A client of this server with its token and group, as the host would build it.</summary>
    public PdBot.Adapters.Vk.Api.VkApi NewApi(HttpClient http, TimeProvider time) =>
        new(http, new PdBot.Adapters.Vk.Api.VkApiOptions { AccessToken = AccessToken, GroupId = (ulong)GroupId, BaseUrl = BaseUrl }, time);

    /// <summary>The next call to <paramref name="method"/> is answered with HTTP <paramref name="status"/> and no VK envelope (a 5xx from VK's front).</summary>
    public void FailNextHttp(string method, int status)
    {
        lock (_gate)
        {
            _httpFailures.Add((method, status));
        }
    }

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
        if (Violations is { Count: > 0 } violations)
        {
            Assert.Fail("Calls to the fake VK broke VK's 5.199 schema:\n" + string.Join("\n", violations));
        }
    }

    private int? HttpFailure(string method)
    {
        lock (_gate)
        {
            var i = _httpFailures.FindIndex(f => string.Equals(f.Method, method, StringComparison.Ordinal));
            if (i < 0)
            {
                return null;
            }

            var status = _httpFailures[i].Status;
            _httpFailures.RemoveAt(i);
            return status;
        }
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
            var body = await CallAsync(ctx, path["/method/".Length..]);
            answer = (ctx.Items.TryGetValue(HttpStatusItem, out var status) ? (int)status! : 200, body);
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

        var call = new VkRecordedCall(0, method, fields);
        lock (_gate)
        {
            call = call with { Order = _calls.Count };
            _calls.Add(call);
        }

        if (HttpFailure(method) is { } failedWith)
        {
            ctx.Items[HttpStatusItem] = failedWith; // recorded, not acted on
            return new JsonObject { ["error"] = "bad gateway" };
        }

        if (Refusal(call) is { } refusal)
        {
            return refusal;
        }

        lock (_gate)
        {
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
            "messages.edit" => Ok(1),
            "messages.sendMessageEventAnswer" => Ok(1),
            "messages.getByConversationMessageId" => GetByConversationMessageId(call),
            "groups.getLongPollServer" => GetLongPollServer(call),
            _ => Error(3, "Unknown method passed", method, fields),
        };
    }

    /// <summary>VK's answer to a call that breaks the schema (null when it does not), with the violation recorded.</summary>
    private JsonObject? Refusal(VkRecordedCall call)
    {
        if (!VkMethodSchema.Methods.ContainsKey(call.Method))
        {
            Violate([$"{call.Method}: not a method PdBot may call (not in the table)"]);
            return Error(3, "Unknown method passed", call.Method, call.Fields);
        }

        if (string.IsNullOrEmpty(call.Field("v")))
        {
            Violate([$"{call.Method}: no v"]);
            return Error(8, "Invalid request: v (version) is required", call.Method, call.Fields);
        }

        var problems = VkMethodSchema.Check(call.Method, call.Fields);
        if (problems.Count > 0)
        {
            Violate(problems);
            return Error(100, "One of the parameters specified was missing or invalid: " + string.Join("; ", problems), call.Method, call.Fields);
        }

        if (call.Field("event_data") is { } eventData && VkEventDataRules.Check(eventData) is { Count: > 0 } bad)
        {
            Violate([.. bad.Select(b => $"{call.Method}: {b}")]);
            return Error(100, "One of the parameters specified was missing or invalid: event_data is invalid", call.Method, call.Fields);
        }

        // What the person reads is Russian (issue 10): recorded like a schema break, so the test fails at disposal.
        if (LatinWords.In(call.Field("message")) is { Count: > 0 } latin)
        {
            Violate([$"{call.Method}: Latin words {string.Join(", ", latin)} in the message"]);
        }

        if (call.Field("keyboard") is { } keyboard && VkKeyboardRules.Check(keyboard) is { Count: > 0 } wrong)
        {
            Violate([.. wrong.Select(w => $"{call.Method}: {w}")]);
            return Error(911, "Keyboard format is invalid", call.Method, call.Fields);
        }

        return null;
    }

    private void Violate(IEnumerable<string> problems)
    {
        lock (_gate)
        {
            _violations.AddRange(problems);
        }
    }

    private JsonObject Send(VkRecordedCall call)
    {
        if (call.Field("peer_ids") is { } peerIds)
        {
            return SendToMany(call, [.. peerIds.Split(',').Select(p => long.Parse(p, CultureInfo.InvariantCulture))]);
        }

        // Only private dialogs and chats by peer_id or user_id are played; the schema check has passed, random_id is there.
        if (call.PeerId is not { } peer || call.RandomId is not { } randomId || randomId == 0)
        {
            Violate([$"{call.Method}: the fake needs peer_id or user_id and a non-zero random_id"]);
            return Error(100, "One of the parameters specified was missing or invalid: random_id is required", call.Method, call.Fields);
        }

        JsonElement? keyboard = null;
        if (call.Field("keyboard") is { } text)
        {
            using var doc = JsonDocument.Parse(text); // valid: VkKeyboardRules has passed
            keyboard = doc.RootElement.Clone();
        }

        lock (_gate)
        {
            if (_byRandomId.TryGetValue((peer, randomId), out var original))
            {
                return Ok(original); // VK does not send it again
            }

            var id = _nextMessageId++;
            var cmid = _lastCmid[peer] = _lastCmid.GetValueOrDefault(peer, 100) + 1;
            _byRandomId[(peer, randomId)] = id;
            _sent.Add(new VkSentMessage(id, peer, randomId, call.Message, keyboard, call.Field("payload")) { ConversationMessageId = cmid });
            return Ok(id);
        }
    }

    /// <summary>
    /// messages.send with peer_ids: VK's array of {peer_id, message_id, conversation_message_id, error?}; a peer made to
    /// fail (<see cref="AlwaysFail"/>, <see cref="FailNext"/> with a peer) gets its error in its item, the others are sent;
    /// a random_id repeated for a peer is not sent to it again.
    /// </summary>
    private JsonObject SendToMany(VkRecordedCall call, IReadOnlyList<long> peers)
    {
        var randomId = call.RandomId ?? 0;
        JsonElement? keyboard = null;
        if (call.Field("keyboard") is { } text)
        {
            using var doc = JsonDocument.Parse(text);
            keyboard = doc.RootElement.Clone();
        }

        var items = new JsonArray();
        lock (_gate)
        {
            foreach (var peer in peers)
            {
                var failure = _failures.FirstOrDefault(f => f.Method == "messages.send" && f.PeerId == peer);
                if (failure is { Once: true })
                {
                    _failures.Remove(failure);
                }

                if (failure is not null)
                {
                    items.Add(new JsonObject
                    {
                        ["peer_id"] = peer,
                        ["message_id"] = 0,
                        ["conversation_message_id"] = 0,
                        ["error"] = new JsonObject { ["code"] = failure.Code, ["description"] = failure.Message },
                    });
                    continue;
                }

                if (!_byRandomId.TryGetValue((peer, randomId), out var id))
                {
                    id = _nextMessageId++;
                    _lastCmid[peer] = _lastCmid.GetValueOrDefault(peer, 100) + 1;
                    _byRandomId[(peer, randomId)] = id;
                    _sent.Add(new VkSentMessage(id, peer, randomId, call.Message, keyboard, call.Field("payload"))
                    {
                        ConversationMessageId = _lastCmid[peer],
                        Intent = call.Field("intent"),
                    });
                }

                items.Add(new JsonObject { ["peer_id"] = peer, ["message_id"] = id, ["conversation_message_id"] = _sent.First(m => m.MessageId == id).ConversationMessageId });
            }
        }

        return Ok(items);
    }

    /// <summary>The messages this fake sent to the peer with those numbers, in VK's shape (a community's message: from_id is -group id, out 1).</summary>
    private JsonObject GetByConversationMessageId(VkRecordedCall call)
    {
        var peer = VkRecordedCall.Long(call.Fields, "peer_id");
        var numbers = call.Field("conversation_message_ids")!.Split(',').Select(n => long.Parse(n, CultureInfo.InvariantCulture)).ToHashSet();
        var found = SentMessages.Where(m => m.PeerId == peer && numbers.Contains(m.ConversationMessageId)).ToList();
        var items = new JsonArray([.. found.Select(m => (JsonNode)new JsonObject
        {
            ["date"] = Now(),
            ["from_id"] = -GroupId,
            ["id"] = m.MessageId,
            ["out"] = 1,
            ["version"] = m.MessageId,
            ["peer_id"] = m.PeerId,
            ["conversation_message_id"] = m.ConversationMessageId,
            ["text"] = m.Message ?? "",
            ["random_id"] = m.RandomId,
        })]);
        return Ok(new JsonObject { ["count"] = found.Count, ["items"] = items });
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
