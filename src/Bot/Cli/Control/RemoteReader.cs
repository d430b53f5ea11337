using System.Threading.Channels;

namespace PdBot.Bot.Cli.Control;

/// <summary>A verb's standard input: each line is asked of the control client, which reads its own input.</summary>
public sealed class RemoteReader(ControlWire wire, ChannelReader<string?> answers, CancellationToken cancellationToken) : TextReader
{
    // What is left of the last line asked for, with its line end (only character reads leave anything here).
    private string _rest = "";

    /// <summary>Asks the client for a line (<see cref="ControlReply.LineRead"/>) or a secret; null at the end of its input.</summary>
    public string? Ask(string kind) => AskAsync(kind, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public async ValueTask<string?> AskAsync(string kind, CancellationToken token)
    {
        wire.Send(new ControlReply { Read = kind });
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, token);
        try
        {
            return await answers.ReadAsync(both.Token);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public override string? ReadLine()
    {
        if (TakeRestLine() is { } rest)
        {
            return rest;
        }

        return Ask(ControlReply.LineRead);
    }

    public override Task<string?> ReadLineAsync() => ReadLineAsync(CancellationToken.None).AsTask();

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        TakeRestLine() is { } rest ? ValueTask.FromResult<string?>(rest) : AskAsync(ControlReply.LineRead, cancellationToken);

    public override int Peek() => Fill() ? _rest[0] : -1;

    public override int Read()
    {
        if (!Fill())
        {
            return -1;
        }

        var c = _rest[0];
        _rest = _rest[1..];
        return c;
    }

    private bool Fill()
    {
        if (_rest.Length == 0 && Ask(ControlReply.LineRead) is { } line)
        {
            _rest = line + "\n";
        }

        return _rest.Length > 0;
    }

    private string? TakeRestLine()
    {
        if (_rest.Length == 0)
        {
            return null;
        }

        var end = _rest.IndexOf('\n', StringComparison.Ordinal);
        var line = _rest[..end];
        _rest = _rest[(end + 1)..];
        return line;
    }
}
