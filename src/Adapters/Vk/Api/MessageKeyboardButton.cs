namespace PdBot.Adapters.Vk.Api;

/// <summary>One keyboard button (VkNet's name).</summary>
public sealed class MessageKeyboardButton
{
    public required MessageKeyboardButtonAction Action { get; init; }

    public KeyboardButtonColor? Color { get; init; }
}
