using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PdBot.Core.Admin;

namespace PdBot.Bot.Admin;

/// <summary>
/// Sign-in throttling: a rate-limiter policy on the login POST per client IP (<see cref="AdminConsoleOptions.SignInPerIpPerMinute"/>)
/// and a limiter per login (<see cref="AdminConsoleOptions.SignInPerLoginPerMinute"/>) the login page asks before the
/// password is checked. Refusals get 429, Retry-After and the login page with a Russian message. A sign-in that succeeds
/// gives its permits back, so admins signing in from one clinic address are never held back; only failures use them up.
/// The lockout after <see cref="AdminEvents.MaxFailedAttempts"/> failures is a separate rule and stays.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const string Policy = "admin-sign-in";

    /// <summary>Where a per-IP refusal leaves its wait for the login page (HttpContext.Items).</summary>
    public const string RetryAfterItem = "pdbot.sign-in-retry-after";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Limiters are kept here (not only inside the framework's partitions) so a successful sign-in can give its permit back.
    private readonly ConcurrentDictionary<string, SignInWindowLimiter> _limiters = new(StringComparer.Ordinal);
    private readonly int _perLoginLimit;
    private readonly int _perIpLimit;
    private readonly TimeProvider _time;

    public SignInThrottle(IOptions<AdminConsoleOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _perLoginLimit = Math.Max(1, options.Value.SignInPerLoginPerMinute);
        _perIpLimit = Math.Max(1, options.Value.SignInPerIpPerMinute);
        _time = time;
    }

    /// <summary>Takes one attempt for this login; returns how long to wait when there are none left, else null.</summary>
    public TimeSpan? TryLogin(string? login)
    {
        using var lease = Limiter(LoginKey(login), _perLoginLimit).AttemptAcquire();
        return lease.IsAcquired ? null : RetryAfter(lease);
    }

    /// <summary>A sign-in succeeded: its attempt no longer counts against its address or its login.</summary>
    public void Succeeded(HttpContext context, string? login)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_limiters.TryGetValue(IpKey(context), out var ip))
        {
            ip.Return();
        }

        if (_limiters.TryGetValue(LoginKey(login), out var byLogin))
        {
            byLogin.Return();
        }
    }

    /// <summary>The per-IP partition of the login policy: only POSTs count, the form itself is never throttled.</summary>
    public static RateLimitPartition<string> PerIp(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("get");
        }

        var throttle = context.RequestServices.GetRequiredService<SignInThrottle>();
        return RateLimitPartition.Get(IpKey(context), key => throttle.Limiter(key, throttle._perIpLimit));
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

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private static string IpKey(HttpContext context) => "ip:" + context.Connection.RemoteIpAddress;

    private static string LoginKey(string? login) => "login:" + AdminAccount.Normalize(login ?? "");

    private SignInWindowLimiter Limiter(string key, int limit)
    {
        if (_limiters.Count > 10_000)
        {
            // Guessed logins and passing addresses must not pile up: a limiter past its window is a fresh one anyway.
            foreach (var (idleKey, idle) in _limiters)
            {
                if (idle.IdleDuration is not null)
                {
                    _limiters.TryRemove(idleKey, out _);
                }
            }
        }

        return _limiters.GetOrAdd(key, _ => new SignInWindowLimiter(limit, Window, _time));
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
}
