using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;

namespace PdBot.Bot.Cli.Control;

/// <summary>
/// One accepted control connection: runs the client's command line through <see cref="PdBotCli.RunAsync"/> with the
/// host's live services, its console relayed over the connection; the client going away cancels the verb.
/// </summary>
public sealed class ControlSession(Socket socket, uint peerUid, IServiceProvider services, ILogger log)
{
    /// <summary>The exit code of a verb whose client went away (as a shell reports an interrupted command).</summary>
    public const int Interrupted = 130;

    public async Task RunAsync(CancellationToken stopping)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        using var reader = new StreamReader(stream, ControlJson.Utf8);
        var wire = new ControlWire(stream);
        try
        {
            if (await ReadCallAsync(reader, stopping) is not { Args: { } args } call)
            {
                wire.Send(new ControlReply { Err = "pdbot: непонятный запрос к управляющему сокету.\n" });
                wire.Send(new ControlReply { Exit = 2 });
                return;
            }

            using var verb = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var answers = Channel.CreateUnbounded<string?>();
            var pump = PumpAnswersAsync(reader, answers.Writer, verb);
            var code = await RunVerbAsync(args, call.InputRedirected, wire, answers.Reader, verb.Token);
            log.LogInformation("control: verb {Verb} from uid {Uid} exit {Code}", PdBotCli.VerbOf(args), peerUid, code);
            if (!verb.IsCancellationRequested)
            {
                wire.Send(new ControlReply { Exit = code });
            }

            await verb.CancelAsync();
            await pump;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the host is stopping: nobody is left to answer.
            log.LogDebug(ex, "control: a connection ended early");
        }
    }

    private static async Task<ControlCall?> ReadCallAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken) is { } line ? ControlJson.Parse<ControlCall>(line) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<int> RunVerbAsync(string[] args, bool inputRedirected, ControlWire wire, ChannelReader<string?> answers, CancellationToken cancellationToken)
    {
        var input = new RemoteReader(wire, answers, cancellationToken);
        var console = new CliConsole(input, new RemoteWriter(wire, error: false), new RemoteWriter(wire, error: true))
        {
            InputRedirected = inputRedirected,
            SecretReader = () => input.Ask(ControlReply.SecretRead),
        };

        // Only for this connection's async flow: the verb's CliHost.Build hands out the host's own services.
        CliHost.UseLive(services);
        try
        {
            return await PdBotCli.RunAsync(args, console, cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            return Interrupted;
        }
        catch (Exception ex) when (ex is not IOException)
        {
            log.LogError(ex, "control: verb {Verb} failed", PdBotCli.VerbOf(args));
            await console.Error.WriteLineAsync("pdbot: команда не выполнена из-за ошибки в работающем хосте; подробности в его журнале.");
            return 1;
        }
    }

    /// <summary>The client's answers to read requests; its end (or a broken frame) cancels the verb.</summary>
    private static async Task PumpAnswersAsync(StreamReader reader, ChannelWriter<string?> answers, CancellationTokenSource verb)
    {
        try
        {
            while (await reader.ReadLineAsync(verb.Token) is { } line)
            {
                answers.TryWrite(ControlJson.Parse<ControlAnswer>(line).Line);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or JsonException or ObjectDisposedException)
        {
            // Ends the same way as a client that closed.
        }
        finally
        {
            answers.TryComplete();
            await verb.CancelAsync();
        }
    }
}
