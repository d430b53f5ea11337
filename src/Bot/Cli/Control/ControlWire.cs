using System.Text;

namespace PdBot.Bot.Cli.Control;

/// <summary>
/// The host's side of one connection: output is gathered and sent in frames, in the order written across standard
/// output and error, and always before a read request or the exit code.
/// </summary>
public sealed class ControlWire(Stream stream)
{
    private const int FrameChars = 8192;

    private readonly Lock _gate = new();
    private readonly StringBuilder _pending = new();
    private bool _pendingIsError;

    public void Write(bool error, ReadOnlySpan<char> text)
    {
        lock (_gate)
        {
            if (_pending.Length > 0 && _pendingIsError != error)
            {
                FlushLocked();
            }

            _pendingIsError = error;
            _pending.Append(text);
            if (_pending.Length >= FrameChars)
            {
                FlushLocked();
            }
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    /// <summary>Sends what is pending, then this frame.</summary>
    public void Send(ControlReply reply)
    {
        lock (_gate)
        {
            FlushLocked();
            ControlJson.Write(stream, reply);
        }
    }

    private void FlushLocked()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        var text = _pending.ToString();
        _pending.Clear();
        ControlJson.Write(stream, _pendingIsError ? new ControlReply { Err = text } : new ControlReply { Out = text });
    }
}
