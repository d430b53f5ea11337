namespace PdBot.Adapters.Vk.Api;

/// <summary>groups.getLongPollServer: where and with what key to poll. <see cref="Ts"/> stays a string: VK sends it as one.</summary>
public sealed class LongPollServerResponse
{
    public required string Key { get; init; }

    public required string Server { get; init; }

    public required string Ts { get; init; }
}
