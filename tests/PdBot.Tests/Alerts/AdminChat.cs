using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Alerts;
using PdBot.Core.Outbox;

namespace PdBot.Tests.Alerts;

/// <summary>A host with the operators' admin chat configured, and what was queued for it.</summary>
public static class AdminChat
{
    public const string Channel = "telegram";
    public const string ChatId = "-100500";

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Requests:AdminChannel"] = Channel,
        ["Requests:AdminChatId"] = ChatId,
    };

    /// <summary>The operator alerts waiting to be sent to the admin chat.</summary>
    public static List<OutboxMessage> Messages(IServiceProvider services) =>
        [.. services.GetRequiredService<IOutbox>().Pending(Channel).Where(m => m.Kind == OutboxKind.OperatorAlert && m.ChatId == ChatId)];

    public static IReadOnlyList<SystemAlert> Open(IServiceProvider services) => services.GetRequiredService<AlertBoard>().Open();
}
