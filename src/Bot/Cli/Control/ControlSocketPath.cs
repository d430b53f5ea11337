using System.Net.Sockets;
using System.Text;
using PdBot.Adapters.LiteDb;
using PdBot.Bot.Hosting;

namespace PdBot.Bot.Cli.Control;

/// <summary>Where a host's control socket is: beside its database, same name, <c>.sock</c> (data/pdbot.db → data/pdbot.sock).</summary>
public static class ControlSocketPath
{
    /// <summary>A Unix socket path fits in 108 bytes, the terminating zero included.</summary>
    public const int MaxBytes = 107;

    public static string For(string databasePath) => Path.ChangeExtension(Path.GetFullPath(databasePath), ".sock");

    /// <summary>The socket of the store a verb would open: the same configuration sources as <see cref="CliHost.Build"/>.</summary>
    public static string For(string? dbPath, IReadOnlyList<string> configArgs)
    {
        var builder = new ConfigurationBuilder();
        PdBotConfiguration.AddSources(builder, [.. configArgs]);
        PdBotConfiguration.OverrideDatabase(builder, dbPath);
        var configured = builder.Build()["Storage:Path"];
        return For(string.IsNullOrWhiteSpace(configured) ? new StorageOptions().Path : configured);
    }

    public static bool Fits(string path) => Encoding.UTF8.GetByteCount(path) <= MaxBytes;

    /// <summary>Connects to a host listening there; null when nobody does (no file, a stale file).</summary>
    public static async Task<Socket?> ConnectAsync(string path, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux() || !Fits(path) || !File.Exists(path))
        {
            return null;
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
            return socket;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionRefused or SocketError.AddressNotAvailable)
        {
            socket.Dispose();
            return null;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
