using PdBot.Adapters.Processing;

namespace PdBot.Adapters.Vk;

/// <summary>The VK channel: the shared processing loop with VK's client and mapping.</summary>
public sealed class VkChannel(VkAdapter client, ChannelServices services) : PlatformChannel(client, VkAdapter.ToActivity, services);
