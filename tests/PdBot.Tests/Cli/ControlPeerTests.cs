using System.Net.Sockets;
using PdBot.Bot.Cli.Control;

namespace PdBot.Tests.Cli;

public sealed class ControlPeerTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData(1000u, 1000u, true)]
    [InlineData(0u, 1000u, true)]
    [InlineData(0u, 0u, true)]
    [InlineData(1001u, 1000u, false)]
    [InlineData(1000u, 0u, false)]
    [InlineData(65534u, 1000u, false)]
    public void Only_the_hosts_own_user_and_root_may_use_the_control_socket(uint peer, uint host, bool allowed) =>
        Assert.Equal(allowed, ControlPeer.IsAllowed(peer, host));

    [Fact]
    public async Task The_kernel_reports_this_process_and_its_user_as_the_peer_of_a_local_connection()
    {
        Directory.CreateDirectory(_tmp.Path);
        var path = _tmp.File("t.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await client.ConnectAsync(new UnixDomainSocketEndPoint(path));
        using var accepted = await listener.AcceptAsync();

        var (pid, uid) = ControlPeer.Credentials(accepted);

        Assert.Equal(Environment.ProcessId, pid);
        Assert.Equal(ControlPeer.HostUid, uid);
        Assert.True(ControlPeer.IsAllowed(uid, ControlPeer.HostUid));
    }
}
