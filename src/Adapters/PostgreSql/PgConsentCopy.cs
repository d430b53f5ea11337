using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Adapters.PostgreSql;

/// <summary><c>pdbot db copy</c>: people, consent records and consent texts, written as <see cref="PgConsentStore"/> writes them.</summary>
public sealed class PgConsentCopy : IPgCopyTarget
{
    public IReadOnlyDictionary<string, string?> Tables { get; } = new Dictionary<string, string?>
    {
        [LiteDbStorage.People] = PgConsentStore.People,
        [LiteDbStorage.Consents] = PgConsentStore.Consents,
        [LiteDbStorage.Texts] = PgConsentStore.Texts,
    };

    public async Task CopyAsync(LiteDatabase source, PgTx tx)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tx);
        foreach (var person in LiteSource.Objects<Person>(source, LiteDbStorage.People))
        {
            await PgConsentStore.UpsertPersonAsync(tx, person);
        }

        foreach (var record in LiteSource.Objects<ConsentRecord>(source, LiteDbStorage.Consents))
        {
            await PgConsentStore.UpsertConsentsAsync(tx, [record]);
        }

        foreach (var text in LiteSource.Objects<StoredText>(source, LiteDbStorage.Texts))
        {
            await PgConsentStore.InsertTextAsync(tx, text);
        }
    }
}
