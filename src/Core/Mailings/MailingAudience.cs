using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Core.Mailings;

/// <summary>
/// Who may get a mailing, decided at the moment of each person's send: the mailing consent is given (not
/// needs-renewal, not withdrawn), the person is reachable, not blocked, not erased, and follows the topic.
/// </summary>
public static class MailingAudience
{
    /// <summary>Null when the mailing consent covers a send to <paramref name="person"/> now; otherwise why not (<see cref="MailingSkipReasons"/>).</summary>
    public static string? Excludes(Person? person, ConsentRecord? mailingConsent, string topic)
    {
        if (person is null || person.ErasedAtUtc is not null)
        {
            return MailingSkipReasons.Erased;
        }

        if (person.Blocked)
        {
            return MailingSkipReasons.PersonBlocked;
        }

        if (person.Unreachable)
        {
            return MailingSkipReasons.Unreachable;
        }

        return mailingConsent?.State switch
        {
            ConsentState.Given => Follows(mailingConsent, topic) ? null : MailingSkipReasons.Topic,
            ConsentState.Withdrawn => MailingSkipReasons.Withdrawn,
            ConsentState.NeedsRenewal => MailingSkipReasons.NeedsRenewal,
            _ => MailingSkipReasons.NoConsent,
        };
    }

    /// <summary>Topics are preferences inside the consent: none chosen yet (null) means every topic.</summary>
    public static bool Follows(ConsentRecord consent, string topic)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return string.IsNullOrEmpty(topic) || consent.Topics is null || consent.Topics.Contains(topic, StringComparer.Ordinal);
    }
}
