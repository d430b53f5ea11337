using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Core.Operator;

/// <summary>
/// A message to the operators' admin chat (<c>Requests:AdminChannel</c> / <c>Requests:AdminChatId</c>), stored with
/// whatever caused it and sent by the channel's sender; none when no admin chat is configured.
/// Alerts carry no personal data beyond a first name: the chat is outside the console's access control.
/// </summary>
public static class OperatorAlert
{
    public static OutboxMessage? Build(RequestOptions options, string text, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.AdminChannel) || string.IsNullOrWhiteSpace(options.AdminChatId)
            ? null
            : new OutboxMessage { Channel = options.AdminChannel, ChatId = options.AdminChatId, Text = text, Kind = OutboxKind.OperatorAlert, CreatedAtUtc = nowUtc };
    }
}
