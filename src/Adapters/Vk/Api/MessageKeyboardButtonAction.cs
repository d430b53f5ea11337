namespace PdBot.Adapters.Vk.Api;

/// <summary>A button's "action" object. <see cref="Payload"/> is a JSON document kept as a string: VK wants it as a string field.</summary>
public sealed class MessageKeyboardButtonAction
{
    public required KeyboardButtonActionType Type { get; init; }

    public required string Label { get; init; }

    public string? Payload { get; init; }

    /// <summary>The address an open_link button opens.</summary>
#pragma warning disable CA1056 // VK's field is a string, written as given
    public string? Link { get; init; }
#pragma warning restore CA1056
}
