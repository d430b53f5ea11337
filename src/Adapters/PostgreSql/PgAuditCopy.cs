using LiteDB;
using Npgsql;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// <c>pdbot db copy</c>: the audit trail as it is (each document with its sequence number and hashes, so the chain and any
/// verification made before the move stay valid), the head LiteDB stored with it, and the other named values (meta).
/// </summary>
public sealed class PgAuditCopy : IPgCopyTarget
{
    private const string InsertEntry =
        "INSERT INTO audit (seq, time_utc, kind, event, channel, person_id, user_id, purpose_id, actor, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)";

    private const int BatchSize = 500;

    private const string UpsertMeta = "INSERT INTO meta (id, doc) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc";

    /// <summary>meta is not counted row for row: its audit head becomes the audit_head row.</summary>
    public IReadOnlyDictionary<string, string?> Tables { get; } = new Dictionary<string, string?>
    {
        [LiteDbStorage.Audit] = LiteDbStorage.Audit,
        [LiteDbStorage.Meta] = null,
    };

    public async Task CopyAsync(LiteDatabase source, PgTx tx)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tx);
        // The trail is most of a store: its rows go in batches of statements, one round trip each.
        foreach (var chunk in LiteSource.Documents(source, LiteDbStorage.Audit).Chunk(BatchSize))
        {
            await using var batch = new NpgsqlBatch(tx.Connection, tx.Transaction);
            foreach (var doc in chunk)
            {
                // The columns come from the mapped entry; the document goes across unchanged.
                var e = LiteSource.Map(LiteDbStorage.Audit, doc, PgDocuments.FromDocument<AuditEntry>);
                var command = new NpgsqlBatchCommand(InsertEntry);
                foreach (var value in new object?[] { e.Seq, DateTime.SpecifyKind(e.TimeUtc, DateTimeKind.Utc), e.Kind, e.Event, e.Channel, e.PersonId, e.UserId, e.PurposeId, e.Actor, PgDocuments.ToJson(doc) })
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync();
        }

        foreach (var doc in LiteSource.Documents(source, LiteDbStorage.Meta))
        {
            if (doc["_id"] == AuditHead.Key)
            {
                var head = LiteSource.Map(LiteDbStorage.Meta, doc, PgDocuments.FromDocument<AuditHead>);
                await tx.ExecuteAsync("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", head.Seq, head.Hash);
            }
            else
            {
                await tx.ExecuteAsync(UpsertMeta, doc["_id"].IsString ? doc["_id"].AsString : doc["_id"].ToString(), PgDocuments.ToJson(doc));
            }
        }
    }
}
