using PdBot.Core.Mailings;

namespace PdBot.Adapters.Mailings;

/// <summary>
/// One platform's side of a mailing: takes the mailing's pending ledger rows of its channel and sends them at the
/// platform's pace, each checked against the person's consent at the moment of their send (ordered with their turns).
/// The mailing runner decides when (schedule, quiet hours, pause) and finishes the mailing.
/// </summary>
public interface IMailingChannel
{
    /// <summary>"telegram" or "vk" (<see cref="MailingChannels"/>).</summary>
    string Channel { get; }

    /// <summary>
    /// After a restart, rows of this channel left in flight: Telegram's become <see cref="MailingDeliveryState.Unknown"/>
    /// (never repeated); VK's are sent again in their batch, with the same random_id, which VK de-duplicates.
    /// </summary>
    Task RecoverAsync(Mailing mailing, CancellationToken cancellationToken);

    /// <summary>
    /// Sends this channel's pending rows of <paramref name="mailing"/>; returns when none is left, when
    /// <paramref name="mayGoOn"/> says stop (paused, cancelled, quiet hours — asked before every call), or on cancellation.
    /// </summary>
    /// <returns>How many rows got an outcome in this call.</returns>
    Task<int> SendAsync(Mailing mailing, Func<bool> mayGoOn, CancellationToken cancellationToken);
}
