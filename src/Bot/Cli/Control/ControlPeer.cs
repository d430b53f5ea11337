using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PdBot.Bot.Cli.Control;

/// <summary>Who is at the other end of a control connection: the kernel's answer (SO_PEERCRED), not the client's word.</summary>
public static partial class ControlPeer
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>The host's own user and root may run verbs; anyone else could read personal data through them.</summary>
    public static bool IsAllowed(uint peerUid, uint hostUid) => peerUid == hostUid || peerUid == 0;

    public static uint HostUid => GetEffectiveUid();

    /// <summary>The peer's process id and user id (struct ucred: pid, uid, gid).</summary>
    public static (int Pid, uint Uid) Credentials(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        Span<byte> ucred = stackalloc byte[12];
        if (socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred) < 12)
        {
            throw new IOException("SO_PEERCRED returned too few bytes");
        }

        return (MemoryMarshal.Read<int>(ucred), MemoryMarshal.Read<uint>(ucred[4..]));
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUid();
}
