namespace PdBot.Adapters.Vk;

/// <summary>Where the Long Poll loop stands: the server, its key and the next ts to ask for.</summary>
public sealed record VkLongPollPosition(string Server, string Key, string Ts);
