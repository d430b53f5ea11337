using System.Text;

namespace PdBot.Bot.Cli.Control;

/// <summary>A verb's standard output or error, sent to the control client.</summary>
public sealed class RemoteWriter(ControlWire wire, bool error) : TextWriter
{
    public override Encoding Encoding => ControlJson.Utf8;

    public override void Write(char value) => wire.Write(error, [value]);

    public override void Write(string? value) => wire.Write(error, value);

    public override void Write(char[] buffer, int index, int count) => wire.Write(error, buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer) => wire.Write(error, buffer);

    public override void WriteLine(string? value) => wire.Write(error, value + NewLine);

    public override void Flush() => wire.Flush();

    public override Task WriteAsync(char value) => Done(() => Write(value));

    public override Task WriteAsync(string? value) => Done(() => Write(value));

    public override Task WriteAsync(char[] buffer, int index, int count) => Done(() => Write(buffer, index, count));

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) => Done(() => Write(buffer.Span));

    public override Task WriteLineAsync() => Done(WriteLine);

    public override Task WriteLineAsync(char value) => Done(() => WriteLine(value));

    public override Task WriteLineAsync(string? value) => Done(() => WriteLine(value));

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) => Done(() => WriteLine(buffer.Span));

    public override Task FlushAsync() => Done(Flush);

    public override Task FlushAsync(CancellationToken cancellationToken) => Done(Flush);

    /// <summary>Writing only fills a buffer (frames go out when it is full or on flush), so it is done at once.</summary>
    private static Task Done(Action write)
    {
        try
        {
            write();
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            return Task.FromException(ex);
        }
    }
}
