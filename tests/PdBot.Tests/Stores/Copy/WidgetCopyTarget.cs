using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Adapters.PostgreSql;
using PdBot.Core.Audit;

namespace PdBot.Tests.Stores.Copy;

/// <summary>
/// A test-only copy target: a collection of its own (<c>widgets</c>, into a table the test creates) and the audit trail
/// with its head, copied as the stores' targets copy them (documents kept, the chain's seals untouched).
/// </summary>
internal sealed class WidgetCopyTarget : IPgCopyTarget
{
    public const string Widgets = "widgets";
    public const string CreateTable = "CREATE TABLE widgets (id text PRIMARY KEY, doc jsonb NOT NULL)";

    /// <summary>Throws after writing everything, so the test sees the whole copy rolled back.</summary>
    public bool FailAtTheEnd { get; init; }

    public IReadOnlyDictionary<string, string?> Tables { get; } = new Dictionary<string, string?>
    {
        [Widgets] = "widgets",
        [LiteDbStorage.Audit] = "audit",
        [LiteDbStorage.Meta] = null,
    };

    public async Task CopyAsync(LiteDatabase source, PgTx tx)
    {
        foreach (var doc in source.GetCollection(Widgets).FindAll())
        {
            await tx.ExecuteAsync("INSERT INTO widgets (id, doc) VALUES ($1, $2::jsonb)", doc["_id"].AsString, LiteDB.JsonSerializer.Serialize(doc));
        }

        foreach (var entry in source.GetCollection<AuditEntry>(LiteDbStorage.Audit).Query().OrderBy(e => e.Seq).ToEnumerable())
        {
            await tx.ExecuteAsync(
                "INSERT INTO audit (seq, time_utc, kind, event, channel, person_id, user_id, purpose_id, actor, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)",
                entry.Seq, entry.TimeUtc, entry.Kind, entry.Event, entry.Channel, entry.PersonId, entry.UserId, entry.PurposeId, entry.Actor, PgDocuments.ToJson(entry));
        }

        if (source.GetCollection<AuditHead>(LiteDbStorage.Meta).FindById(AuditHead.Key) is { } head)
        {
            await tx.ExecuteAsync("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", head.Seq, head.Hash);
        }

        if (FailAtTheEnd)
        {
            throw new InvalidOperationException("widget copy failed on purpose");
        }
    }
}
