namespace PdBot.Adapters.Vk.Api;

/// <summary>A button's color (JSON lowercase). <see cref="Default"/> leaves "color" out, which VK shows as secondary.</summary>
public enum KeyboardButtonColor
{
    Default,
    Primary,
    Secondary,
    Negative,
    Positive,
}
