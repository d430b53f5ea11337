namespace PdBot.Adapters.Vk.Api;

/// <summary>
/// Builds a <see cref="MessageKeyboard"/> fluently, as VkNet's KeyboardBuilder. Enforces VK's limits here rather than
/// letting VK answer 911 at send time: labels ≤ 40 chars (truncated with "…"), payload ≤ 255 chars, ≤ 5 buttons a row,
/// inline ≤ 10 buttons in ≤ 6 rows, standard ≤ 40 buttons in ≤ 10 rows; one_time only on a standard keyboard.
/// </summary>
public sealed class KeyboardBuilder
{
    public const int MaxLabelLength = 40;
    public const int MaxPayloadLength = 255;
    public const int MaxButtonsPerLine = 5;
    public const int MaxInlineButtons = 10;
    public const int MaxInlineLines = 6;
    public const int MaxButtons = 40;
    public const int MaxLines = 10;
    private readonly List<List<MessageKeyboardButton>> _lines = [];
    private List<MessageKeyboardButton> _current = [];
    private bool _oneTime;
    private bool _inline;

    /// <summary>Adds a button to the current line; <paramref name="payload"/> is a JSON document such as {"cmd":"tick"}.</summary>
    public KeyboardBuilder AddButton(string label, string payload, KeyboardButtonColor? color = null, KeyboardButtonActionType type = KeyboardButtonActionType.Text)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (payload is { Length: > MaxPayloadLength })
        {
            throw new ArgumentException($"A button payload is at most {MaxPayloadLength} characters.", nameof(payload));
        }

        if (_current.Count >= MaxButtonsPerLine)
        {
            throw new InvalidOperationException($"A keyboard line holds at most {MaxButtonsPerLine} buttons.");
        }

        _current.Add(new MessageKeyboardButton
        {
            Action = new MessageKeyboardButtonAction { Type = type, Label = Truncate(label), Payload = payload },
            Color = color,
        });
        Validate();
        return this;
    }

    /// <summary>A callback button: pressing it raises message_event instead of sending a message.</summary>
    public KeyboardBuilder AddCallbackButton(string label, string payloadJson, KeyboardButtonColor? color = null) =>
        AddButton(label, payloadJson, color, KeyboardButtonActionType.Callback);

    /// <summary>A button that opens <paramref name="link"/> (no payload, no colour: VK allows neither on open_link here).</summary>
    public KeyboardBuilder AddOpenLinkButton(string label, string link)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(link);
        if (_current.Count >= MaxButtonsPerLine)
        {
            throw new InvalidOperationException($"A keyboard line holds at most {MaxButtonsPerLine} buttons.");
        }

        _current.Add(new MessageKeyboardButton
        {
            Action = new MessageKeyboardButtonAction { Type = KeyboardButtonActionType.OpenLink, Label = Truncate(label), Link = link },
        });
        Validate();
        return this;
    }

    /// <summary>Starts a new line; does nothing on an empty line, so no empty rows reach VK.</summary>
    public KeyboardBuilder AddLine()
    {
        if (_current.Count > 0)
        {
            _lines.Add(_current);
            _current = [];
        }

        return this;
    }

    public KeyboardBuilder SetInline(bool inline = true)
    {
        _inline = inline;
        return this;
    }

    public KeyboardBuilder SetOneTime()
    {
        _oneTime = true;
        return this;
    }

    public KeyboardBuilder Clear()
    {
        _lines.Clear();
        _current = [];
        return this;
    }

    public MessageKeyboard Build()
    {
        Validate();
        var rows = _lines.Select(l => (IReadOnlyList<MessageKeyboardButton>)[.. l]).ToList();
        if (_current.Count > 0)
        {
            rows.Add([.. _current]);
        }

        return new MessageKeyboard { OneTime = _oneTime, Inline = _inline, Buttons = rows };
    }

    private static string Truncate(string label)
    {
        if (label.Length <= MaxLabelLength)
        {
            return label;
        }

        // Do not cut a surrogate pair (an emoji) in half.
        var cut = MaxLabelLength - 1;
        if (char.IsHighSurrogate(label[cut - 1]))
        {
            cut--;
        }

        return string.Concat(label.AsSpan(0, cut), "…");
    }

    private void Validate()
    {
        if (_oneTime && _inline)
        {
            throw new InvalidOperationException("VK does not support one_time on an inline keyboard.");
        }

        var lines = _lines.Count + (_current.Count > 0 ? 1 : 0);
        var buttons = _lines.Sum(l => l.Count) + _current.Count;
        var (maxButtons, maxLines) = _inline ? (MaxInlineButtons, MaxInlineLines) : (MaxButtons, MaxLines);
        if (buttons > maxButtons || lines > maxLines)
        {
            throw new InvalidOperationException(
                $"A{(_inline ? "n inline" : "")} keyboard holds at most {maxButtons} buttons in {maxLines} lines (has {buttons} in {lines}).");
        }
    }
}
