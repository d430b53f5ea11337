namespace PdBot.Bot.Admin;

/// <summary>The <c>Admin</c> section of the configuration.</summary>
public sealed class AdminConsoleOptions
{
    /// <summary>Signed-in sessions end after this many idle minutes.</summary>
    public int SessionMinutes { get; set; } = 30;

    /// <summary>
    /// Cookies carry the Secure flag always (true) or only on HTTPS requests (false, the default, so the
    /// console works on http://127.0.0.1). Behind a TLS proxy on the clinic's network, set it to true.
    /// </summary>
    public bool RequireHttps { get; set; }

    /// <summary>
    /// Allow signing in over plain HTTP from another machine. Off by default: passwords and session
    /// cookies must not cross the network in clear; loopback is always allowed.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Sign-in attempts (login form POSTs) allowed from one client IP per minute; more get 429.</summary>
    public int SignInPerIpPerMinute { get; set; } = 10;

    /// <summary>Sign-in attempts allowed for one login per minute, from anywhere; more get 429.</summary>
    public int SignInPerLoginPerMinute { get; set; } = 5;

    /// <summary>Where the cookie-protection keys are kept; empty → a "keys" folder beside the database.</summary>
    public string KeysPath { get; set; } = "";
}
