namespace PdBot.Core.Consent;

/// <summary>
/// Run at start-up: records every configured text version, refuses a text changed without a new version,
/// and marks consents given to an older version as needing renewal.
/// </summary>
public static class ConsentRenewal
{
    /// <returns>How many consents were marked as needing renewal.</returns>
    public static async Task<int> RunAsync(IConsentStore store, ConsentCatalog catalog, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = await store.RegisterTextsAsync([.. catalog.Purposes.Select(p => p.ToConsentText())], cancellationToken);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        var marked = 0;
        foreach (var purpose in catalog.Purposes)
        {
            foreach (var record in store.GivenToOtherVersion(purpose.Id, purpose.Version))
            {
                var person = store.FindPersonById(record.PersonId);
                if (person is null)
                {
                    continue;
                }

                var session = ConsentSession.Open(store, catalog, time, person.Channel, person.PlatformUserId, person.ChatId);
                if (session.MarkTextChanged(purpose.Id))
                {
                    await session.SaveAsync(cancellationToken);
                    marked++;
                }
            }
        }

        return marked;
    }
}
