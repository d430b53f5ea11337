using System.Net;
using PdBot.Bot.Admin;

namespace PdBot.Tests.Admin;

public sealed class SignInTransportTests
{
    [Theory]
    [InlineData(false, "127.0.0.1", false, true)]
    [InlineData(false, "::1", false, true)]
    [InlineData(false, "192.168.1.20", false, false)]
    [InlineData(true, "192.168.1.20", false, true)]
    [InlineData(false, "192.168.1.20", true, true)]
    [InlineData(false, null, false, false)]
    public void Passwords_cross_the_network_only_over_https_unless_allowed(bool https, string? remote, bool allowHttp, bool allowed) =>
        Assert.Equal(allowed, SignInTransport.IsAllowed(https, remote is null ? null : IPAddress.Parse(remote), allowHttp));
}
