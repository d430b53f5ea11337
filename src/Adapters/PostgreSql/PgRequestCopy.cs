using System.Globalization;
using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// Copies subject requests (with their history) and the outbox into PostgreSQL as they are, keeping the ids, and moves
/// the request and outbox sequences past every id LiteDB handed out (its <c>sequences</c> entries and the largest id
/// stored), so no id is handed out twice after the move.
/// </summary>
public sealed class PgRequestCopy : IPgCopyTarget
{
    public IReadOnlyDictionary<string, string?> Tables { get; } = new Dictionary<string, string?>
    {
        [LiteRequestStore.Requests] = PgRequestStore.Requests,
        [LiteRequestStore.Outbox] = PgRequestStore.Outbox,
        [IdSequence.Sequences] = null,
    };

    public async Task CopyAsync(LiteDatabase source, PgTx tx)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tx);

        // Read before the first await: a LiteDB read belongs to the thread that started it.
        var requests = source.GetCollection<SubjectRequest>(LiteRequestStore.Requests).FindAll().ToList();
        var outbox = source.GetCollection<OutboxMessage>(LiteRequestStore.Outbox).FindAll().ToList();
        var sequences = source.GetCollection(IdSequence.Sequences);
        var (requestsLast, outboxLast) = (Last(sequences.FindById(LiteRequestStore.Requests)), Last(sequences.FindById(LiteRequestStore.Outbox)));

        foreach (var r in requests)
        {
            await PgRequestStore.UpsertRequestAsync(tx, r);
        }

        await PgRequestStore.InsertOutboxAsync(tx, outbox);
        await MoveAsync(tx, PgRequestStore.RequestSequence, "SELECT coalesce(max(id), 0) FROM requests", requestsLast);
        await MoveAsync(tx, PgRequestStore.OutboxSequence, "SELECT coalesce(max(id), 0) FROM outbox", outboxLast);
    }

    /// <summary>The sequence's next value comes after the stored Last, the largest id in the table and any value it has handed out.</summary>
    private static async Task MoveAsync(PgTx tx, string sequence, string maxIdSql, long last)
    {
        var maxId = await tx.ScalarAsync(maxIdSql);
        var handedOut = await tx.ScalarAsync("SELECT coalesce(pg_sequence_last_value($1::regclass), 0)", sequence);
        var used = Math.Max(last, Math.Max(Convert.ToInt64(maxId, CultureInfo.InvariantCulture), Convert.ToInt64(handedOut, CultureInfo.InvariantCulture)));
        await tx.ScalarAsync("SELECT setval($1::regclass, $2, $3)", sequence, Math.Max(used, 1), used > 0);
    }

    /// <summary>The largest id LiteDB recorded as used (<see cref="IdSequence"/>), 0 when none.</summary>
    private static long Last(BsonDocument? stored) => stored?["Last"] is { IsNumber: true } value ? value.AsInt64 : 0;
}
