using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PdBot.Bench.Mailing;

/// <summary>
/// The Bot API (<c>/bot{token}/…</c>) and the VK API (<c>/method/…</c>) on one 127.0.0.1 port, answering after a set
/// latency. Records when each chat received a message containing the mailing's text (VK de-duplicated by peer and
/// random_id, as VK does), and counts the other messages (turn replies).
/// </summary>
internal sealed class FakeMailingApis : IAsyncDisposable
{
    public const string TelegramToken = "123456:BENCH";
    public const string VkToken = "vk-bench-token";
    public const long VkGroupId = 229000000;
    /// <summary>The channel name under which every VK API call (mailing, replies, press answers) is recorded.</summary>
    public const string AnyVkCall = "vk-any";
    private readonly WebApplication _app;
    private readonly string _mailingText;
    private readonly TimeSpan _latency;
    private readonly ConcurrentDictionary<(string Channel, long Chat), DateTime> _received = new();
    private readonly ConcurrentDictionary<(long Peer, long RandomId), bool> _vkSeen = new();
    private readonly ConcurrentQueue<(string Channel, DateTime At, int Recipients)> _calls = new();
    private int _duplicates;
    private int _replies;
    private int _nextId = 1000;

    private FakeMailingApis(WebApplication app, string mailingText, TimeSpan latency) => (_app, _mailingText, _latency) = (app, mailingText, latency);

    public string BaseUrl { get; private set; } = "";

    /// <summary>Mailing messages received twice by one chat (must stay 0).</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Other messages sent (the bot's replies to the presses).</summary>
    public int Replies => Volatile.Read(ref _replies);

    public static async Task<FakeMailingApis> StartAsync(string mailingText, TimeSpan latency)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new FakeMailingApis(app, mailingText, latency);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return api;
    }

    /// <summary>When the chat got the mailing (the fake's clock, UTC), if it did.</summary>
    public DateTime? ReceivedAt(string channel, long chat) => _received.TryGetValue((channel, chat), out var at) ? at : null;

    public int ReceivedCount(string channel) => _received.Keys.Count(k => k.Channel == channel);

    /// <summary>The mailing calls of a channel: when, how many recipients.</summary>
    public IReadOnlyList<(DateTime At, int Recipients)> CallsOf(string channel) =>
        [.. _calls.Where(c => c.Channel == channel).Select(c => (c.At, c.Recipients)).OrderBy(c => c.At)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        var method = path[(path.LastIndexOf('/') + 1)..];
        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency);
        }

        string json;
        if (path.StartsWith("/bot", StringComparison.Ordinal))
        {
            json = method.ToUpperInvariant() switch
            {
                "SENDMESSAGE" => await TelegramSendAsync(ctx.Request),
                "GETME" => """{"ok":true,"result":{"id":123456,"is_bot":true,"first_name":"PdBot","username":"pdbot_bench_bot"}}""",
                _ => """{"ok":true,"result":true}""",
            };
        }
        else
        {
            _calls.Enqueue((AnyVkCall, TimeProvider.System.GetUtcNow().UtcDateTime, 0));
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            json = method switch
            {
                "messages.send" => VkSend(form),
                _ => """{"response":1}""",
            };
        }

        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(json, ctx.RequestAborted);
    }

    private async Task<string> TelegramSendAsync(HttpRequest request)
    {
        using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        var root = doc.RootElement;
        var chat = root.GetProperty("chat_id") is var c && c.ValueKind == JsonValueKind.Number ? c.GetInt64() : long.Parse(c.GetString()!, CultureInfo.InvariantCulture);
        var text = root.TryGetProperty("text", out var t) ? t.GetString() : null;
        if (text == _mailingText)
        {
            Received("telegram", chat);
            _calls.Enqueue(("telegram", TimeProvider.System.GetUtcNow().UtcDateTime, 1));
        }
        else
        {
            Interlocked.Increment(ref _replies);
        }

        var id = Interlocked.Increment(ref _nextId);
        return string.Create(CultureInfo.InvariantCulture,
            $$$"""{"ok":true,"result":{"message_id":{{{id}}},"from":{"id":123456,"is_bot":true,"first_name":"PdBot"},"chat":{"id":{{{chat}}},"type":"private","first_name":"Тест"},"date":{{{TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()}}},"text":"…"}}""");
    }

    private string VkSend(IFormCollection form)
    {
        var randomId = long.Parse(form["random_id"].ToString(), CultureInfo.InvariantCulture);
        if (form["peer_ids"].ToString() is not { Length: > 0 } peerIds)
        {
            Interlocked.Increment(ref _replies);
            return string.Create(CultureInfo.InvariantCulture, $$"""{"response":{{Interlocked.Increment(ref _nextId)}}}""");
        }

        var peers = peerIds.Split(',').Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToList();
        _calls.Enqueue(("vk", TimeProvider.System.GetUtcNow().UtcDateTime, peers.Count));
        var items = peers.Select(peer =>
        {
            if (_vkSeen.TryAdd((peer, randomId), true))
            {
                Received("vk", peer);
            }

            return string.Create(CultureInfo.InvariantCulture, $$"""{"peer_id":{{peer}},"message_id":{{Interlocked.Increment(ref _nextId)}},"conversation_message_id":1}""");
        });
        return "{\"response\":[" + string.Join(',', items) + "]}";
    }

    private void Received(string channel, long chat)
    {
        if (!_received.TryAdd((channel, chat), TimeProvider.System.GetUtcNow().UtcDateTime))
        {
            Interlocked.Increment(ref _duplicates);
        }
    }
}
