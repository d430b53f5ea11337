using LiteDB;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Adapters.LiteDb;

/// <summary>People, consent records and consent texts in LiteDB; saves go through the group-commit writer.</summary>
public sealed class LiteConsentStore(LiteDbStorage storage, LiteAuditLog audit, TimeProvider time) : IConsentStore
{
    private ILiteCollection<Person> PeopleCollection => storage.Database.GetCollection<Person>(LiteDbStorage.People);

    private ILiteCollection<ConsentRecord> ConsentCollection => storage.Database.GetCollection<ConsentRecord>(LiteDbStorage.Consents);

    public Person? FindPerson(string channel, string platformUserId) =>
        PeopleCollection.FindOne(p => p.Key == Person.MakeKey(channel, platformUserId));

    public Person? FindPersonById(string personId) => PeopleCollection.FindById(personId);

    public IReadOnlyList<ConsentRecord> RecordsOf(string personId) => [.. ConsentCollection.Find(r => r.PersonId == personId)];

    /// <summary>
    /// Index key "purpose/state/version", the version zero-padded so keys sort by number: the start-up renewal
    /// check reads only the records of older (or newer) versions, never the many given to the current one.
    /// </summary>
    public const string PurposeStateVersion = "$.PurposeId + '/' + $.State + '/' + LPAD(STRING($.TextVersion), 10, '0')";

    public IReadOnlyList<ConsentRecord> GivenToOtherVersion(string purposeId, int currentVersion)
    {
        string Key(long version) => $"{purposeId}/{ConsentState.Given}/{version.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)}";
        var older = ConsentCollection.Find(Query.Between(PurposeStateVersion, Key(0), Key(currentVersion - 1L)));
        var newer = ConsentCollection.Find(Query.Between(PurposeStateVersion, Key(currentVersion + 1L), Key(9_999_999_999)));
        return [.. older.Concat(newer)];
    }

    public Task SaveAsync(Person person, bool personChanged, IReadOnlyList<ConsentRecord> records, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(entries);
        return storage.Writer.WriteAsync(db =>
        {
            if (personChanged)
            {
                db.GetCollection<Person>(LiteDbStorage.People).Upsert(person);
            }

            db.GetCollection<ConsentRecord>(LiteDbStorage.Consents).Upsert(records);
            audit.AppendOnWriterThread(db, entries);
        });
    }

    public async Task<IReadOnlyList<string>> RegisterTextsAsync(IReadOnlyList<ConsentText> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var problems = new List<string>();
        var fresh = new List<StoredText>();
        foreach (var text in texts)
        {
            var known = FindStored(text.PurposeId, text.Version);
            if (known is null)
            {
                fresh.Add(new StoredText
                {
                    Id = $"{text.PurposeId}/{text.Version}",
                    PurposeId = text.PurposeId,
                    Version = text.Version,
                    Text = text.Text,
                    Hash = text.Hash,
                    FirstSeenUtc = time.GetUtcNow().UtcDateTime,
                });
            }
            else if (known.Hash != text.Hash)
            {
                problems.Add($"the text of purpose '{text.PurposeId}' changed but its Version is still {text.Version}: raise Purposes:{text.PurposeId}:Version so consents to the old text are renewed");
            }
        }

        if (problems.Count == 0 && fresh.Count > 0)
        {
            await storage.Writer.WriteAsync(db => db.GetCollection<StoredText>(LiteDbStorage.Texts).Insert(fresh));
        }

        return problems;
    }

    public ConsentText? FindText(string purposeId, int version) =>
        FindStored(purposeId, version) is { } s ? new ConsentText(s.PurposeId, s.Version, s.Text) : null;

    private StoredText? FindStored(string purposeId, int version) =>
        storage.Database.GetCollection<StoredText>(LiteDbStorage.Texts).FindById($"{purposeId}/{version}");
}
