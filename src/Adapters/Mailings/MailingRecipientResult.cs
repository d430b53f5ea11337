using PdBot.Adapters.Processing;

namespace PdBot.Adapters.Mailings;

/// <summary>What a mailing call did for one chat.</summary>
/// <param name="MessageId">The platform's message id when sent.</param>
/// <param name="Error">The platform's error code and words (never a chat id or a text).</param>
/// <param name="ErrorCode">The platform's error code alone (Telegram 403, VK 901…), when it gave one.</param>
public sealed record MailingRecipientResult(
    string ChatId, DeliveryStatus Status, string? MessageId = null, string? Error = null, int? ErrorCode = null, TimeSpan? RetryAfter = null)
{
    /// <summary>The same outcome of a whole call for each of its chats.</summary>
    public static IReadOnlyList<MailingRecipientResult> ForAll(IEnumerable<string> chatIds, DeliveryResult result, int? errorCode)
    {
        ArgumentNullException.ThrowIfNull(chatIds);
        ArgumentNullException.ThrowIfNull(result);
        return [.. chatIds.Select(c => new MailingRecipientResult(c, result.Status, null, result.Error, errorCode, result.RetryAfter))];
    }
}
