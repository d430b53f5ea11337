using Microsoft.Extensions.Logging;

namespace PdBot.Adapters.Processing;

/// <summary>The sender's log lines: channel, action, attempts and the platform's error only — never a chat id or a text.</summary>
internal static partial class OutboxSenderLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel}: {Action} dropped by the platform ({Error})")]
    public static partial void Dropped(ILogger logger, string channel, string action, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel}: {Action} set aside after {Attempts} attempts ({Error})")]
    public static partial void SetAside(ILogger logger, string channel, string action, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel}: a chat's deliveries failed; its messages are reloaded later")]
    public static partial void ChatFailed(ILogger logger, string channel, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel}: loading the outbox failed; retrying")]
    public static partial void ReloadFailed(ILogger logger, string channel, Exception ex);
}
