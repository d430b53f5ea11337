using System.Globalization;
using PdBot.Core.Turns;

namespace PdBot.Adapters.Local;

/// <summary>
/// The bot in a terminal: each input line is a message, except a number N, which presses button N
/// of the last message that had buttons. Reads until end of input, so a session can be piped in.
/// </summary>
public sealed class LocalConsoleAdapter(TextWriter output, TimeProvider time, bool echoInput = false) : BotAdapter
{
    public const string Channel = "local";

    private List<Button> _lastButtons = [];
    private string? _lastButtonsMessageId;
    private int _nextId;

    public async Task RunAsync(TextReader input, string userId, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (echoInput)
            {
                await output.WriteLineAsync($"> {line}");
            }

            await ProcessActivityAsync(ToActivity(line, userId), bot, cancellationToken);
        }
    }

    public override async Task<string> SendAsync(ITurnContext turn, BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = NextId("out");
        await output.WriteLineAsync(message.Text);
        if (message.Buttons.Count > 0)
        {
            await ShowButtonsAsync(id, [.. message.AllButtons]);
        }

        await output.WriteLineAsync();
        return id;
    }

    public override async Task AnswerButtonAsync(ITurnContext turn, string? hint, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(hint))
        {
            await output.WriteLineAsync($"» {hint}");
            await output.WriteLineAsync();
        }
    }

    public override async Task UpdateButtonsAsync(ITurnContext turn, string messageId, IReadOnlyList<IReadOnlyList<Button>> buttons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        var all = buttons.SelectMany(row => row).ToList();
        if (all.Count == 0)
        {
            if (messageId == _lastButtonsMessageId)
            {
                _lastButtons = [];
            }

            return;
        }

        await output.WriteLineAsync("(кнопки обновлены)");
        await ShowButtonsAsync(messageId, all);
        await output.WriteLineAsync();
    }

    private async Task ShowButtonsAsync(string messageId, List<Button> buttons)
    {
        for (var i = 0; i < buttons.Count; i++)
        {
            await output.WriteLineAsync($"[{i + 1}] {buttons[i].Label}");
        }

        _lastButtons = buttons;
        _lastButtonsMessageId = messageId;
    }

    private Activity ToActivity(string line, string userId)
    {
        var id = NextId("in");
        var now = time.GetUtcNow();
        if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= _lastButtons.Count)
        {
            return Activity.Press(Channel, userId, _lastButtons[n - 1].Payload, _lastButtonsMessageId, id) with { Timestamp = now };
        }

        return Activity.Message(Channel, userId, line, id) with { Timestamp = now };
    }

    private string NextId(string prefix) => $"{prefix}-{Interlocked.Increment(ref _nextId)}";
}
