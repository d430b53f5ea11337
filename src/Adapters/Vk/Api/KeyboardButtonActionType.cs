namespace PdBot.Adapters.Vk.Api;

/// <summary>The button actions we use: text (sends its label as a message) and callback (a message_event, no message).</summary>
public enum KeyboardButtonActionType
{
    Text,
    Callback,
}
