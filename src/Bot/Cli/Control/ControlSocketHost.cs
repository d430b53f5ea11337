using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using PdBot.Adapters.Files;
using PdBot.Adapters.LiteDb;

namespace PdBot.Bot.Cli.Control;

/// <summary>
/// The host's control socket (<see cref="ControlSocketPath"/>): the CLI runs its verbs inside the running host
/// through it, since LiteDB lets only one process open the database. Mode 0600, and each peer's uid is checked by
/// the kernel's word: the host's own user or root only.
/// </summary>
public sealed class ControlSocketHost(IOptions<StorageOptions> storage, IServiceProvider services, ILogger<ControlSocketHost> log) : IHostedService, IDisposable
{

    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _sessions = new();
    private Socket? _listener;
    private Task _accepting = Task.CompletedTask;

    /// <summary>The socket's path while it listens; null when it could not (logged).</summary>
    public string? SocketPath { get; private set; }

    /// <summary>Completes when the connections open now have ended.</summary>
    internal Task SessionsEndedAsync() => Task.WhenAll(_sessions.Keys);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.Value.IsPostgreSql)
        {
            // Several hosts share the database and CLI verbs open it themselves: no host is "the" one to reach.
            log.LogInformation("control: no control socket on PostgreSQL; CLI verbs open the database themselves");
            return;
        }

        if (!OperatingSystem.IsLinux())
        {
            log.LogWarning("control: no control socket on this platform; CLI verbs cannot reach the running host");
            return;
        }

        var path = ControlSocketPath.For(storage.Value.Path);
        var directory = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(directory, $".{Guid.NewGuid():N}"[..9] + ".sock");
        if (!ControlSocketPath.Fits(path) || !ControlSocketPath.Fits(temporary))
        {
            log.LogWarning(
                "control: the control socket path {Path} is too long for a Unix socket ({Max} bytes), so CLI verbs cannot reach the running host (use a shorter Storage:Path)",
                path, ControlSocketPath.MaxBytes);
            return;
        }

        if (!await TakeOverAsync(path, cancellationToken))
        {
            return;
        }

        _listener = Listen(directory, temporary, path);
        SocketPath = path;
        _accepting = AcceptAsync(_listener, _stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _listener?.Dispose();
        try
        {
            await _accepting.WaitAsync(cancellationToken);
            await Task.WhenAll(_sessions.Keys).WaitAsync(cancellationToken);
        }
        finally
        {
            if (SocketPath is { } path)
            {
                File.Delete(path);
                SocketPath = null;
            }
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _listener?.Dispose();
    }

    /// <summary>Removes a stale socket file; false when another host answers on it (this one then goes without).</summary>
    private async Task<bool> TakeOverAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return true;
        }

        using (var other = await ControlSocketPath.ConnectAsync(path, cancellationToken))
        {
            if (other is not null)
            {
                log.LogWarning("control: another process already listens on {Path}; CLI verbs go to it, not to this host", path);
                return false;
            }
        }

        File.Delete(path);
        return true;
    }

    /// <summary>Binds under a temporary name, restricts it to the owner, then renames it: the socket never shows under its real name with a wider mode.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static Socket Listen(string directory, string temporary, string path)
    {
        PrivateFiles.CreateDirectory(directory);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(temporary));
            File.SetUnixFileMode(temporary, PrivateFiles.FileMode);
            File.Move(temporary, path, overwrite: true);
            listener.Listen(8);
            return listener;
        }
        catch
        {
            listener.Dispose();
            File.Delete(temporary);
            throw;
        }
    }

    private async Task AcceptAsync(Socket listener, CancellationToken stopping)
    {
        var hostUid = ControlPeer.HostUid;
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                log.LogWarning(ex, "control: accepting a connection failed");
                await Task.Delay(TimeSpan.FromMilliseconds(100), stopping).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }

            var (pid, uid) = ControlPeer.Credentials(client);
            if (!ControlPeer.IsAllowed(uid, hostUid))
            {
                log.LogWarning("control: refused a connection from uid {Uid} (pid {Pid}): only the host's user and root may use the control socket", uid, pid);
                client.Dispose();
                continue;
            }

            var session = new ControlSession(client, uid, services, log).RunAsync(stopping);
            _sessions[session] = true;
            _ = session.ContinueWith(done => _sessions.TryRemove(done, out _), TaskScheduler.Default);
        }
    }
}
