namespace PdBot.Adapters.Vk.Api;

/// <summary>What the client does after a callback press is answered (event_data.type).</summary>
public enum MessageEventType
{
    ShowSnackbar,
    OpenLink,
    OpenApp,
}
