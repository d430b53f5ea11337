using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// People, consent records and consent texts in PostgreSQL (the twin of <see cref="LiteConsentStore"/>): a save writes
/// the person, the records and the audit entries in one transaction, or, inside a turn, with the turn's commit; reads in
/// the turn see what it saved.
/// </summary>
public sealed class PgConsentStore(PgStorage storage, TimeProvider time) : IConsentStore
{
    public const string People = LiteDbStorage.People;
    public const string Consents = LiteDbStorage.Consents;
    public const string Texts = LiteDbStorage.Texts;

    private const int ReadChunk = 1024;

    private const string UpsertPerson =
        "INSERT INTO people (id, person_key, doc) VALUES ($1, $2, $3::jsonb) ON CONFLICT (id) DO UPDATE SET person_key = EXCLUDED.person_key, doc = EXCLUDED.doc";

    private const string UpsertConsent =
        "INSERT INTO consents (id, person_id, purpose_id, state, text_version, doc) VALUES ($1, $2, $3, $4, $5, $6::jsonb) " +
        "ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, purpose_id = EXCLUDED.purpose_id, state = EXCLUDED.state, text_version = EXCLUDED.text_version, doc = EXCLUDED.doc";

    private const string InsertText =
        "INSERT INTO consent_texts (id, purpose_id, version, doc) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (id) DO NOTHING";

    public Person? FindPerson(string channel, string platformUserId)
    {
        var key = Person.MakeKey(channel, platformUserId);
        return PgTurnWrites.Current?.Written<Person>(People).FirstOrDefault(p => p.Key == key)
            ?? storage.Documents<Person>("SELECT doc FROM people WHERE person_key = $1", key).FirstOrDefault();
    }

    public Person? FindPersonById(string personId) =>
        PgTurnWrites.Current?.Written<Person>(People).FirstOrDefault(p => p.Id == personId)
        ?? storage.Documents<Person>("SELECT doc FROM people WHERE id = $1", personId).FirstOrDefault();

    public IReadOnlyList<ConsentRecord> RecordsOf(string personId) =>
        PgTurnWrites.Overlay(Consents, storage.Documents<ConsentRecord>("SELECT doc FROM consents WHERE person_id = $1 ORDER BY id", personId), r => r.Id, r => r.PersonId == personId);

    /// <summary>Read in chunks along (purpose, state, id): a mailing's audience may be most of the people.</summary>
    public IEnumerable<ConsentRecord> InState(string purposeId, ConsentState state)
    {
        var after = "";
        while (true)
        {
            var chunk = storage.Query(
                "SELECT id, doc FROM consents WHERE purpose_id = $1 AND state = $2 AND id > $3 ORDER BY id LIMIT $4",
                r => (Id: r.GetString(0), Record: PgDocuments.FromJson<ConsentRecord>(r.GetString(1))),
                purposeId, state.ToString(), after, ReadChunk);
            foreach (var row in chunk)
            {
                yield return row.Record;
            }

            if (chunk.Count < ReadChunk)
            {
                yield break;
            }

            after = chunk[^1].Id;
        }
    }

    public IReadOnlyList<ConsentRecord> GivenToOtherVersion(string purposeId, int currentVersion) =>
        storage.Documents<ConsentRecord>(
            "SELECT doc FROM consents WHERE purpose_id = $1 AND state = $2 AND text_version <> $3 ORDER BY text_version, id",
            purposeId, nameof(ConsentState.Given), currentVersion);

    public Task SaveAsync(Person person, bool personChanged, IReadOnlyList<ConsentRecord> records, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(entries);
        Remember(person, records);
        return storage.WriteAsync(async tx =>
        {
            if (personChanged)
            {
                await UpsertPersonAsync(tx, person);
            }

            await UpsertConsentsAsync(tx, records);
            await PgAuditLog.AppendInAsync(tx, entries);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> RegisterTextsAsync(IReadOnlyList<ConsentText> texts, CancellationToken cancellationToken = default)
    {
        var (fresh, problems) = LiteConsentStore.SortTexts(texts, FindStored, time.GetUtcNow().UtcDateTime);
        if (problems.Count == 0 && fresh.Count > 0)
        {
            // Hosts starting together register the same texts: the first one's row stays.
            await storage.WriteAsync(async tx =>
            {
                foreach (var t in fresh)
                {
                    await InsertTextAsync(tx, t);
                }
            }, cancellationToken);
        }

        return problems;
    }

    public ConsentText? FindText(string purposeId, int version) =>
        FindStored(purposeId, version) is { } s ? new ConsentText(s.PurposeId, s.Version, s.Text) : null;

    /// <summary>Inside a turn, later reads see these objects (see <see cref="PgTurnWrites"/>).</summary>
    public static void Remember(Person? person, IEnumerable<ConsentRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (PgTurnWrites.Current is not { } turn)
        {
            return;
        }

        if (person is not null)
        {
            turn.Remember(People, person.Id, person);
        }

        foreach (var r in records)
        {
            turn.Remember(Consents, r.Id, r);
        }
    }

    /// <summary>Writes the person's row inside <paramref name="tx"/> (any store that changes a person uses this).</summary>
    public static Task UpsertPersonAsync(PgTx tx, Person person)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(person);
        return tx.ExecuteAsync(UpsertPerson, person.Id, person.Key, PgDocuments.ToJson(person));
    }

    /// <summary>Writes the records' rows inside <paramref name="tx"/>.</summary>
    public static async Task UpsertConsentsAsync(PgTx tx, IEnumerable<ConsentRecord> records)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(records);
        foreach (var r in records)
        {
            await tx.ExecuteAsync(UpsertConsent, r.Id, r.PersonId, r.PurposeId, r.State.ToString(), r.TextVersion, PgDocuments.ToJson(r));
        }
    }

    /// <summary>Stores a text version unless one with its id is stored already.</summary>
    internal static Task InsertTextAsync(PgTx tx, StoredText text) =>
        tx.ExecuteAsync(InsertText, text.Id, text.PurposeId, text.Version, PgDocuments.ToJson(text));

    private StoredText? FindStored(string purposeId, int version) =>
        storage.Documents<StoredText>("SELECT doc FROM consent_texts WHERE id = $1", $"{purposeId}/{version}").FirstOrDefault();
}
