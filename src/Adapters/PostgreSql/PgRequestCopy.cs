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
        var (requestsLast, outboxLast) = (LiteSource.SequenceLast(source, LiteRequestStore.Requests), LiteSource.SequenceLast(source, LiteRequestStore.Outbox));

        foreach (var r in requests)
        {
            await PgRequestStore.UpsertRequestAsync(tx, r);
        }

        await PgRequestStore.InsertOutboxAsync(tx, outbox);
        await MoveAsync(tx, PgRequestStore.RequestSequence, "SELECT coalesce(max(id), 0) FROM requests", requestsLast);
        await MoveAsync(tx, PgRequestStore.OutboxSequence, "SELECT coalesce(max(id), 0) FROM outbox", outboxLast);
    }

    /// <summary>The sequence's next value comes after the stored Last and the largest id in the table.</summary>
    private static async Task MoveAsync(PgTx tx, string sequence, string maxIdSql, long last)
    {
        var maxId = Convert.ToInt64(await tx.ScalarAsync(maxIdSql), CultureInfo.InvariantCulture);
        await PgSequence.MovePastAsync(tx, sequence, Math.Max(last, maxId));
    }
}
