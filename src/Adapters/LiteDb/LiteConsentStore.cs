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

    public Person? FindPerson(string channel, string platformUserId)
    {
        var key = Person.MakeKey(channel, platformUserId);
        return DeferredWrites.Current?.Written<Person>(LiteDbStorage.People).FirstOrDefault(p => p.Key == key)
            ?? PeopleCollection.FindOne(BsonExpression.Create("$.Key = @0", key));
    }

    public Person? FindPersonById(string personId) =>
        DeferredWrites.Current?.Written<Person>(LiteDbStorage.People).FirstOrDefault(p => p.Id == personId) ?? PeopleCollection.FindById(personId);

    // Every turn asks these two. A constant expression with a parameter is parsed and compiled by LiteDB once; a
    // lambda (or Query.EQ, which writes the value into the text) is translated and compiled on every call, which
    // cost more than half the CPU of a turn.
    public IReadOnlyList<ConsentRecord> RecordsOf(string personId) =>
        DeferredWrites.Overlay(LiteDbStorage.Consents, ConsentCollection.Find(BsonExpression.Create("$.PersonId = @0", personId)), r => r.Id, r => r.PersonId == personId);

    /// <summary>
    /// Index key "purpose/state/version", the version zero-padded so keys sort by number: the start-up renewal
    /// check reads only the records of older (or newer) versions, never the many given to the current one.
    /// </summary>
    public const string PurposeStateVersion = "$.PurposeId + '/' + $.State + '/' + LPAD(STRING($.TextVersion), 10, '0')";

    public IEnumerable<ConsentRecord> InState(string purposeId, ConsentState state) =>
        ConsentCollection.Find(Query.StartsWith(PurposeStateVersion, $"{purposeId}/{state}/"));

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
        Remember(person, records);
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
        var (fresh, problems) = SortTexts(texts, FindStored, time.GetUtcNow().UtcDateTime);
        if (problems.Count == 0 && fresh.Count > 0)
        {
            await storage.Writer.WriteAsync(db => db.GetCollection<StoredText>(LiteDbStorage.Texts).Insert(fresh));
        }

        return problems;
    }

    /// <summary>The texts not stored yet (to store, first seen now) and a problem for each stored with other wording under the same version.</summary>
    internal static (List<StoredText> Fresh, List<string> Problems) SortTexts(IReadOnlyList<ConsentText> texts, Func<string, int, StoredText?> findStored, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(findStored);
        var problems = new List<string>();
        var fresh = new List<StoredText>();
        foreach (var text in texts)
        {
            var known = findStored(text.PurposeId, text.Version);
            if (known is null)
            {
                fresh.Add(new StoredText
                {
                    Id = $"{text.PurposeId}/{text.Version}",
                    PurposeId = text.PurposeId,
                    Version = text.Version,
                    Text = text.Text,
                    Hash = text.Hash,
                    FirstSeenUtc = nowUtc,
                });
            }
            else if (known.Hash != text.Hash)
            {
                problems.Add($"the text of purpose '{text.PurposeId}' changed but its Version is still {text.Version}: raise Purposes:{text.PurposeId}:Version so consents to the old text are renewed");
            }
        }

        return (fresh, problems);
    }

    /// <summary>Inside a turn, later reads see these objects (see <see cref="DeferredWrites"/>).</summary>
    internal static void Remember(Person? person, IEnumerable<ConsentRecord> records)
    {
        if (DeferredWrites.Current is not { } turn)
        {
            return;
        }

        if (person is not null)
        {
            turn.Remember(LiteDbStorage.People, person.Id, person);
        }

        foreach (var r in records)
        {
            turn.Remember(LiteDbStorage.Consents, r.Id, r);
        }
    }

    public ConsentText? FindText(string purposeId, int version) =>
        FindStored(purposeId, version) is { } s ? new ConsentText(s.PurposeId, s.Version, s.Text) : null;

    private StoredText? FindStored(string purposeId, int version) =>
        storage.Database.GetCollection<StoredText>(LiteDbStorage.Texts).FindById($"{purposeId}/{version}");
}
