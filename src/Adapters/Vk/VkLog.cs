using Microsoft.Extensions.Logging;

namespace PdBot.Adapters.Vk;

/// <summary>The channel's log lines: ids and codes only, never message text or tokens.</summary>
public static partial class VkLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "VK Long Poll: {What}")]
    public static partial void Poll(ILogger logger, string what);
}
