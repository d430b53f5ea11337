using PdBot.Core.Audit;
using PdBot.Core.People;

namespace PdBot.Core.Consent;

/// <summary>Where people, their consent records and consent texts are kept.</summary>
public interface IConsentStore
{
    Person? FindPerson(string channel, string platformUserId);

    Person? FindPersonById(string personId);

    IReadOnlyList<ConsentRecord> RecordsOf(string personId);

    /// <summary>Every record of a purpose in one state (a mailing's audience: the mailing consents given), read lazily.</summary>
    IEnumerable<ConsentRecord> InState(string purposeId, ConsentState state);

    /// <summary>Consents still marked given although the purpose's text is now at another version.</summary>
    IReadOnlyList<ConsentRecord> GivenToOtherVersion(string purposeId, int currentVersion);

    /// <summary>
    /// Stores the person (when <paramref name="personChanged"/>), the changed records and the audit
    /// entries in one transaction; completes only once they are committed.
    /// </summary>
    Task SaveAsync(Person person, bool personChanged, IReadOnlyList<ConsentRecord> records, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>
    /// Remembers every text version ever shown. Returns a problem for each text whose version was
    /// already registered with different wording (the version must be raised when the text changes).
    /// </summary>
    Task<IReadOnlyList<string>> RegisterTextsAsync(IReadOnlyList<ConsentText> texts, CancellationToken cancellationToken = default);

    /// <summary>The exact text of a version shown earlier, if known.</summary>
    ConsentText? FindText(string purposeId, int version);
}
