using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PdBot.Core.Admin;

namespace PdBot.Bot.Admin;

/// <summary>
/// Sign-in throttling: a rate-limiter policy on the login POST per client IP (<see cref="AdminConsoleOptions.SignInPerIpPerMinute"/>)
/// and a limiter per login (<see cref="AdminConsoleOptions.SignInPerLoginPerMinute"/>) the login page asks before the
/// password is checked. Refusals get 429, Retry-After and the login page with a Russian message. The lockout after
/// <see cref="AdminEvents.MaxFailedAttempts"/> failures is a separate rule and stays.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const string Policy = "admin-sign-in";

    /// <summary>Where a per-IP refusal leaves its wait for the login page (HttpContext.Items).</summary>
    public const string RetryAfterItem = "pdbot.sign-in-retry-after";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly PartitionedRateLimiter<string> _perLogin;

    public SignInThrottle(IOptions<AdminConsoleOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limit = Math.Max(1, options.Value.SignInPerLoginPerMinute);
        _perLogin = PartitionedRateLimiter.Create<string, string>(login =>
            RateLimitPartition.Get(login, _ => new SignInWindowLimiter(limit, Window, time)));
    }

    /// <summary>Takes one attempt for this login; returns how long to wait when there are none left, else null.</summary>
    public TimeSpan? TryLogin(string? login)
    {
        using var lease = _perLogin.AttemptAcquire(AdminAccount.Normalize(login ?? ""));
        return lease.IsAcquired ? null : RetryAfter(lease);
    }

    /// <summary>The per-IP partition of the login policy: only POSTs count, the form itself is never throttled.</summary>
    public static RateLimitPartition<string> PerIp(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("get");
        }

        var services = context.RequestServices;
        var limit = Math.Max(1, services.GetRequiredService<IOptions<AdminConsoleOptions>>().Value.SignInPerIpPerMinute);
        var time = services.GetRequiredService<TimeProvider>();
        return RateLimitPartition.Get("ip:" + context.Connection.RemoteIpAddress, _ => new SignInWindowLimiter(limit, Window, time));
    }

    /// <summary>
    /// A per-IP refusal still renders the login page (the typed login kept, the message in Russian): the wait goes into
    /// the request's items and the page's endpoint runs, seeing it before it looks at the password.
    /// </summary>
    public static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        http.Items[RetryAfterItem] = RetryAfter(context.Lease);
        if (http.GetEndpoint()?.RequestDelegate is { } page)
        {
            await page(http);
        }
    }

    /// <summary>Whole seconds to put in Retry-After and the message, at least one.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static string Message(TimeSpan wait) =>
        $"Слишком много попыток входа. Повторите через {Seconds(wait).ToString(CultureInfo.InvariantCulture)} с.";

    public void Dispose() => _perLogin.Dispose();

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
}
