using Microsoft.Extensions.Logging;

namespace PdBot.Adapters.Telegram;

/// <summary>The channel's log lines: ids and counts only, never message text or tokens.</summary>
public static partial class TelegramLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram getUpdates failed ({Error}); retrying in 5 s")]
    public static partial void PollFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram: {Count} updates stored, offset now {Offset}")]
    public static partial void Stored(ILogger logger, int count, long offset);
}
