using System.Globalization;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Mailings;

/// <summary>The columns and rows of a mailing's two CSV files: its statistics and its delivery ledger.</summary>
public static class MailingExport
{
    public static readonly string[] StatisticsColumns =
        ["mailing_id", "state", "recipients", "sent", "failed", "failed_blocked_or_denied", "skipped_consent_ended", "unknown", "cancelled", "waiting", "unsubscribed_within_72h", "ledger_sha256"];

    public static readonly string[] LedgerColumns =
        ["person_id", "channel", "outcome", "reason", "consent_version", "consent_text_hash", "time", "platform_message_id"];

    public static IEnumerable<string?> StatisticsRow(Mailing mailing, MailingStatistics s)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        ArgumentNullException.ThrowIfNull(s);
        var ic = CultureInfo.InvariantCulture;
        return
        [
            mailing.Id.ToString(ic), MailingService.StateTitle(mailing.State), s.Recipients.ToString(ic), s.Sent.ToString(ic), s.Failed.ToString(ic),
            s.FailedBlocked.ToString(ic), s.Skipped.ToString(ic), s.Unknown.ToString(ic), s.Cancelled.ToString(ic), s.Waiting.ToString(ic),
            s.UnsubscribedWithin72Hours.ToString(ic), mailing.LedgerHash,
        ];
    }

    public static IEnumerable<string?> LedgerRow(MailingDelivery row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.PersonId, MailingChannels.Title(row.Channel), MailingLabels.Outcome(row.State), MailingSkipReasons.Title(row.Reason),
            row.ConsentVersion?.ToString(CultureInfo.InvariantCulture), row.ConsentTextHash, row.AtUtc is { } at ? AdminFormat.IsoUtc(at) : null,
            row.PlatformMessageId,
        ];
    }
}
