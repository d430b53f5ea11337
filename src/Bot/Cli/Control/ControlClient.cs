using System.Net.Sockets;
using System.Text.Json;

namespace PdBot.Bot.Cli.Control;

/// <summary>The CLI's side: hands the command line to a running host and relays its console both ways.</summary>
public static class ControlClient
{
    // Options whose value is a file: the host resolves paths from its own working directory, so they travel absolute.
    private static readonly string[] PathOptions = ["--out", "--db"];

    /// <summary>Runs the verb in the host listening on <paramref name="socketPath"/>; null when no host listens there.</summary>
    public static async Task<int?> TryRunAsync(string socketPath, string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        Socket? socket;
        try
        {
            socket = await ControlSocketPath.ConnectAsync(socketPath, cancellationToken);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AccessDenied)
        {
            await console.Error.WriteLineAsync(
                $"pdbot: нет доступа к управляющему сокету работающего хоста {socketPath}: запустите команду от имени пользователя, под которым работает хост (или root).");
            return 2;
        }

        if (socket is null)
        {
            return null;
        }

        await using var stream = new NetworkStream(socket, ownsSocket: true);
        using var reader = new StreamReader(stream, ControlJson.Utf8);
        try
        {
            ControlJson.Write(stream, new ControlCall(WithAbsolutePaths(args), console.InputRedirected));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var reply = ControlJson.Parse<ControlReply>(line);
                await console.Out.WriteAsync(reply.Out);
                await console.Error.WriteAsync(reply.Err);
                if (reply.Read is { } kind)
                {
                    var answer = kind == ControlReply.SecretRead ? console.ReadSecret() : await console.In.ReadLineAsync(cancellationToken);
                    ControlJson.Write(stream, new ControlAnswer(answer));
                }

                if (reply.Exit is { } code)
                {
                    await console.Out.FlushAsync(cancellationToken);
                    return code;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            // Told below, the same as a host that hung up.
        }

        await console.Error.WriteLineAsync(
            "pdbot: работающий хост закрыл соединение, не закончив команду (управляющий сокет принимает только пользователя хоста и root; подробности в журнале хоста).");
        return 2;
    }

    public static string[] WithAbsolutePaths(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = (string[])args.Clone();
        for (var i = 0; i < result.Length; i++)
        {
            foreach (var option in PathOptions)
            {
                if (result[i] == option && i + 1 < result.Length)
                {
                    result[i + 1] = Path.GetFullPath(result[i + 1]);
                    i++;
                    break;
                }

                if (result[i].Length > option.Length + 1 && result[i].StartsWith(option, StringComparison.Ordinal) && result[i][option.Length] is '=' or ':')
                {
                    result[i] = result[i][..(option.Length + 1)] + Path.GetFullPath(result[i][(option.Length + 1)..]);
                    break;
                }
            }
        }

        return result;
    }
}
