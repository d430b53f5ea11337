using System.Net;

namespace PdBot.Bot.Admin;

/// <summary>Whether a password may be sent over this connection: HTTPS, the same machine, or an explicit opt-in.</summary>
public static class SignInTransport
{
    public static bool IsAllowed(bool isHttps, IPAddress? remote, bool allowInsecureHttp) =>
        isHttps || allowInsecureHttp || (remote is not null && IPAddress.IsLoopback(remote));
}
