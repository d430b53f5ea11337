using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Conversations;
using PdBot.Core.Outbox;

namespace PdBot.Tests.Inbox;

/// <summary>What the inbox tests share: the services, the admin chat to alert, and a person's conversation.</summary>
public static class InboxSteps
{
    public const string AdminChat = "-1001";

    /// <summary>Operators' admin chat on Telegram, so alerts are queued.</summary>
    public static Dictionary<string, string?> WithAdminChat() => new()
    {
        ["Requests:AdminChannel"] = "telegram",
        ["Requests:AdminChatId"] = AdminChat,
    };

    public static ConversationService Conversations(this PdBotTestHost host) => host.Services.GetRequiredService<ConversationService>();

    public static IOutbox Outbox(this PdBotTestHost host) => host.Services.GetRequiredService<IOutbox>();

    /// <summary>The latest conversation of <paramref name="user"/> on the test channel.</summary>
    public static Conversation ConversationOf(this PdBotTestHost host, string user = "u1") =>
        host.Conversations().Store.LatestOf(host.Store.FindPerson("test", user)!.Id)!;

    public static List<OutboxMessage> Alerts(this PdBotTestHost host) =>
        [.. host.Outbox().Pending("telegram").Where(m => m.Kind == OutboxKind.OperatorAlert && m.ChatId == AdminChat)];
}
