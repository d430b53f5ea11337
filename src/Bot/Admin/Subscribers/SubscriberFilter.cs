using PdBot.Core.Consent;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Subscribers;

/// <summary>The subscribers page's filters; an empty one lets every row through.</summary>
public sealed record SubscriberFilter(string? Channel, ConsentState? MailingState, string? Topic, string? Source)
{
    public bool Matches(SubscriberRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (string.IsNullOrEmpty(Channel) || row.Person.Channel == Channel)
            && (MailingState is null || (row.Mailing?.State ?? ConsentState.NotAsked) == MailingState)
            && (string.IsNullOrEmpty(Topic) || (row.Mailing is { } m && MailingAudience.Follows(m, Topic)))
            && (string.IsNullOrEmpty(Source) || string.Equals(row.Source, Source, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Filter names and values for the audit detail (none of them is personal data).</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Channel))
        {
            parts.Add("channel=" + Channel);
        }

        if (MailingState is not null)
        {
            parts.Add("mailing-state=" + MailingState);
        }

        if (!string.IsNullOrEmpty(Topic))
        {
            parts.Add("topic=" + Topic);
        }

        if (!string.IsNullOrEmpty(Source))
        {
            parts.Add("source=" + Source);
        }

        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }
}
