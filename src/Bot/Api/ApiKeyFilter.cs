using Microsoft.AspNetCore.Http.HttpResults;
using PdBot.Core.ApiKeys;

namespace PdBot.Bot.Api;

/// <summary>
/// Guards every <c>/api/v1</c> operation: <c>Authorization: Bearer &lt;key&gt;</c> with a live key of the right scope,
/// checked before the body is read. A missing, unknown or revoked key gets 401 (with <c>WWW-Authenticate</c>), a key
/// of another scope 403. Every call with a known key is audited under its name ("api:NAME"), refused ones too; an
/// unknown key is only logged, never the key itself.
/// </summary>
public sealed partial class ApiKeyFilter(ApiKeyService keys, ILogger<ApiKeyFilter> log, string scope) : IEndpointFilter
{
    private const string KeyItem = "pdbot.api.key";

    /// <summary>The key the current call was made with (set by the filter before the handler runs).</summary>
    public static ApiKey KeyOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return (ApiKey)http.Items[KeyItem]!;
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var token = BearerToken(http.Request);
        var key = keys.Find(token);
        if (key is null)
        {
            LogUnknownKey(log, http.Request.Method, http.Request.Path);
            return Challenge(http, string.IsNullOrEmpty(token)
                ? "Ключ не указан: передайте заголовок Authorization: Bearer <ключ>."
                : "Ключ неизвестен.");
        }

        if (key.Revoked)
        {
            LogRevokedKey(log, key.Name, http.Request.Method, http.Request.Path);
            await keys.RecordCallAsync(key, refused: true, Describe(http, StatusCodes.Status401Unauthorized, "ключ отозван"));
            return Challenge(http, "Ключ отозван.");
        }

        if (!string.Equals(key.Scope, scope, StringComparison.Ordinal))
        {
            await keys.RecordCallAsync(key, refused: true, Describe(http, StatusCodes.Status403Forbidden, $"область ключа {key.Scope}, нужна {scope}"));
            return ApiProblems.Forbidden($"Ключ выдан для области «{key.Scope}», а эта операция требует «{scope}».");
        }

        http.Items[KeyItem] = key;
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await keys.RecordCallAsync(key, refused: true, Describe(http, StatusCodes.Status500InternalServerError, ex.GetType().Name));
            throw;
        }

        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var reasons = (result as ProblemHttpResult)?.ProblemDetails.Extensions.TryGetValue("errors", out var e) == true && e is IEnumerable<string> list
            ? string.Join(" ", list)
            : null;
        await keys.RecordCallAsync(key, refused: status >= 400, Describe(http, status, reasons));
        return result;
    }

    private static IResult Challenge(HttpContext http, string reason)
    {
        // RFC 6750: a request with a token that is not accepted says so; one without a token just names the scheme.
        http.Response.Headers.WWWAuthenticate = http.Request.Headers.Authorization.Count == 0
            ? "Bearer realm=\"pdbot\""
            : "Bearer realm=\"pdbot\", error=\"invalid_token\"";
        return ApiProblems.Unauthorized(reason);
    }

    /// <summary>"POST /api/v1/mailings → 201" and why it was refused, when it was.</summary>
    /// <remarks>A path naming a patient (<c>/patients/{externalId}/…</c>) is audited as its route pattern: the clinic's patient id stays out of the trail.</remarks>
    private static string Describe(HttpContext http, int status, string? reasons)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern;
        var path = pattern?.Parameters.Any(p => p.Name == "externalId") == true ? pattern.RawText : http.Request.Path.ToString();
        return $"{http.Request.Method} {path} → {status}" + (string.IsNullOrEmpty(reasons) ? "" : $": {reasons}");
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? header[Bearer.Length..].Trim() : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "API call refused: missing or unknown key ({Method} {Path})")]
    private static partial void LogUnknownKey(ILogger logger, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "API call refused: key {Name} is revoked ({Method} {Path})")]
    private static partial void LogRevokedKey(ILogger logger, string name, string method, string path);
}
