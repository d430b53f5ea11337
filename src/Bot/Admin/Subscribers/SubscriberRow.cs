using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Bot.Admin.Subscribers;

/// <summary>One person on the subscribers page: their consent records by purpose, and the mailing one picked out.</summary>
public sealed record SubscriberRow(Person Person, IReadOnlyDictionary<string, ConsentRecord> Records, string MailingPurpose)
{
    public ConsentRecord? Mailing => Records.GetValueOrDefault(MailingPurpose);

    /// <summary>The subscription link they came through: the person's, or (for older people) their mailing consent's.</summary>
    public string? Source => Person.Source ?? Mailing?.Source;

    /// <summary>When the mailing consent was given; otherwise when the bot first saw them.</summary>
    public DateTime Date => Mailing?.GivenAtUtc ?? Person.CreatedAtUtc;

    public ConsentState? StateOf(string purposeId) => Records.TryGetValue(purposeId, out var r) ? r.State : null;
}
