namespace PdBot.Adapters.Vk.Api;

/// <summary>The button actions we use: text (sends its label as a message), callback (a message_event, no message) and open_link (a mailing's link).</summary>
public enum KeyboardButtonActionType
{
    Text,
    Callback,
    OpenLink,
}
