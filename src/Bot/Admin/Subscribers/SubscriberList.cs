using PdBot.Core.Consent;

namespace PdBot.Bot.Admin.Subscribers;

/// <summary>
/// Everyone the bot has a consent record for (every purpose, every state), newest first. Read through the store's
/// purpose/state index, so people are found without a table scan of its own; erased people are left out.
/// </summary>
public static class SubscriberList
{
    public static IReadOnlyList<SubscriberRow> Load(IConsentStore store, ConsentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        var records = catalog.Purposes
            .SelectMany(p => Enum.GetValues<ConsentState>().SelectMany(s => store.InState(p.Id, s)))
            .GroupBy(r => r.PersonId, StringComparer.Ordinal);
        var rows = new List<SubscriberRow>();
        foreach (var group in records)
        {
            if (store.FindPersonById(group.Key) is { ErasedAtUtc: null } person)
            {
                rows.Add(new SubscriberRow(person, group.ToDictionary(r => r.PurposeId, StringComparer.Ordinal), catalog.Mailing.Id));
            }
        }

        return [.. rows.OrderByDescending(r => r.Date).ThenBy(r => r.Person.Id, StringComparer.Ordinal)];
    }
}
