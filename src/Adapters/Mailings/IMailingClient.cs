using PdBot.Adapters.Processing;

namespace PdBot.Adapters.Mailings;

/// <summary>A platform's mailing call: one message to one chat (Telegram) or to up to 100 at once (VK's peer_ids).</summary>
public interface IMailingClient : IPlatformClient
{
    /// <summary>How many chats one call may carry (Telegram 1, VK 100).</summary>
    int MaxRecipientsPerCall { get; }

    /// <summary>Makes the call; one result per chat of <see cref="MailingCall.ChatIds"/>, in that order. Throws only for cancellation.</summary>
    Task<IReadOnlyList<MailingRecipientResult>> SendMailingAsync(MailingCall call, CancellationToken cancellationToken);
}
