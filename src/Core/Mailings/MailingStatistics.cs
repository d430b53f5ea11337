namespace PdBot.Core.Mailings;

/// <summary>What happened to a mailing, counted from its ledger.</summary>
/// <param name="Recipients">Ledger rows (the audience when sending began).</param>
/// <param name="Failed">Refused by the platform (blocked, denied, other errors).</param>
/// <param name="FailedBlocked">Of <paramref name="Failed"/>: blocked the bot or denied messages.</param>
/// <param name="Skipped">The consent (or reachability, the topic) ended before their turn.</param>
/// <param name="Unknown">Telegram sends interrupted by a crash.</param>
/// <param name="Waiting">Not tried yet (pending or in flight).</param>
/// <param name="UnsubscribedWithin72Hours">Received it and withdrew the mailing consent within 72 hours after.</param>
public sealed record MailingStatistics(
    int Recipients,
    int Sent,
    int Failed,
    int FailedBlocked,
    int Skipped,
    int Unknown,
    int Cancelled,
    int Waiting,
    int UnsubscribedWithin72Hours)
{
    public static readonly TimeSpan UnsubscribeWindow = TimeSpan.FromHours(72);
}
