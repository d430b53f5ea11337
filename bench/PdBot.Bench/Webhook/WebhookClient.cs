using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace PdBot.Bench.Webhook;

/// <summary>
/// Posts bodies to one URL as Telegram does (JSON, the secret header) over a pool of kept-alive connections;
/// a post counts only when it is answered 200.
/// </summary>
internal sealed class WebhookClient : IDisposable
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly string? _secret;

    public WebhookClient(string url, string? secret, int connections)
    {
        _url = new Uri(url);
        _secret = secret;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Posts and waits for the answer; true on 200. Failures (refused, reset, cancelled) count as not acknowledged.</summary>
    public async Task<bool> PostAsync(byte[] body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        if (_secret is not null)
        {
            request.Headers.TryAddWithoutValidation(SecretHeader, _secret);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Posts and returns the <see cref="Stopwatch"/> timestamp of the 200, or null.</summary>
    public async Task<long?> PostAckedAtAsync(byte[] body, CancellationToken ct) =>
        await PostAsync(body, ct) ? Stopwatch.GetTimestamp() : null;

    public void Dispose() => _http.Dispose();
}
