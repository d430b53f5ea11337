using System.Globalization;
using System.Net;
using System.Text.Json;

namespace PdBot.Adapters.Vk.Api;

/// <summary>
/// A thin VK Bots API client named after VkNet (<c>api.Messages.SendAsync</c>, <c>api.Groups…</c>), async-only.
/// Every call is paced to <see cref="VkApiOptions.RequestsPerSecond"/> and transient errors (1, 6, 9, 10) are retried
/// with exactly the same parameters, so a messages.send retry keeps its random_id and VK drops the duplicate.
/// </summary>
public sealed class VkApi : IDisposable
{
    public const int MaxRetries = 3;
    private readonly HttpClient _http;
    private readonly VkApiOptions _options;
    private readonly TimeProvider _time;
    private readonly SlidingWindowLimiter _limiter;
    private readonly string _baseUrl;

    public VkApi(HttpClient http, VkApiOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _http = http;
        _options = options;
        _time = time;
        _limiter = new SlidingWindowLimiter(options.RequestsPerSecond, time);
        _baseUrl = options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/";
        Messages = new MessagesCategory(this);
        Groups = new GroupsCategory(this);
    }

    public MessagesCategory Messages { get; }

    public GroupsCategory Groups { get; }

    /// <summary>Calls <paramref name="method"/> and returns the value of "response"; VK errors throw <see cref="VkApiException"/> subclasses.</summary>
    public async Task<JsonElement> CallAsync(string method, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(parameters);

        // Materialised once: every retry must send the very same fields.
        var fields = parameters
            .Append(new("access_token", _options.AccessToken))
            .Append(new("v", _options.ApiVersion))
            .ToList();

        for (var attempt = 0; ; attempt++)
        {
            await _limiter.WaitAsync(ct);
            try
            {
                return await SendOnceAsync(method, fields, ct);
            }
            catch (VkApiException e) when (IsTransient(e.ErrorCode) && attempt < MaxRetries)
            {
                // 1 s, 2 s, 4 s: long enough for VK's per-second counters and short flood bans to clear.
                await Task.Delay(TimeSpan.FromSeconds(1 << attempt), _time, ct);
            }
        }
    }

    public void Dispose() => _limiter.Dispose();

    internal static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool IsTransient(int code) => code is VkErrorCodes.Unknown or VkErrorCodes.TooManyRequestsPerSecond
        or VkErrorCodes.FloodControl or VkErrorCodes.PublicServerError;

    private async Task<JsonElement> SendOnceAsync(string method, List<KeyValuePair<string, string>> fields, CancellationToken ct)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await _http.PostAsync(new Uri(_baseUrl + method), content, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // Not retried: whether VK acted on the request is unknown, and the caller knows if repeating is safe.
            throw new VkApiException(-1, $"HTTP {(int)response.StatusCode} {response.StatusCode} from {method}") { HttpStatus = (int)response.StatusCode };
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
        {
            var code = error.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var n) ? n : -1;
            var msg = error.TryGetProperty("error_msg", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;

            // request_params is dropped on purpose: it echoes our parameters; the token is scrubbed just in case.
            if (msg is not null && _options.AccessToken.Length > 0)
            {
                msg = msg.Replace(_options.AccessToken, "***", StringComparison.Ordinal);
            }

            throw VkApiException.Create(code, msg);
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("response", out var result))
        {
            return result.Clone();
        }

        throw new VkApiException(-1, $"{method} answered without \"response\" or \"error\"");
    }
}
