using PdBot.Adapters.Processing;
using PdBot.Core.Inbox;
using PdBot.Core.Outbox;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// Turn transactions on PostgreSQL: the turn's deferred writes (<see cref="PgTurnWrites"/>), its replies (into the
/// outbox, ids from the outbox sequence) and its updates' "processed" marks (payload dropped,
/// <see cref="InboxItem.Stripped"/>) commit in one transaction. A turn the processing loop claimed commits in the
/// claim's own transaction, under the person's lock (<see cref="PgPartitionClaims"/>); any other commit takes the
/// same lock itself and refuses an update that another host has processed already, so nothing has two effects.
/// </summary>
public sealed class PgTurnTransactions(PgStorage storage, PgPartitionClaims claims) : ITurnTransactions
{
    private const string ProcessedAlready = "SELECT EXISTS (SELECT 1 FROM inbox WHERE id = $1 AND processed_at IS NOT NULL)";

    public IDisposable Begin() => PgTurnWrites.Begin();

    public async Task CommitAsync(IDisposable turn, IReadOnlyList<InboxItem> processed, IReadOnlyList<OutboxMessage> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(processed);
        ArgumentNullException.ThrowIfNull(replies);
        var writes = turn as PgTurnWrites;
        if (processed is [var one] && claims.Holding(one.Id) is { Open: true } claim)
        {
            await claim.CommitAsync(tx => WriteAsync(tx, writes, processed, replies), cancellationToken);
            return;
        }

        await storage.CommitNowAsync(
            async tx =>
            {
                // Sorted, so two commits locking several keys never wait for each other in a circle.
                foreach (var key in processed.Select(i => i.PersonKey ?? "item:" + i.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    if (!await claims.LockAsync(tx, key))
                    {
                        throw new TimeoutException("Another host kept the person's updates locked; the turn is retried.");
                    }
                }

                foreach (var item in processed)
                {
                    if (await tx.ScalarAsync(ProcessedAlready, item.Id) is true)
                    {
                        throw new InvalidOperationException("The update was processed by another host already; this turn is dropped.");
                    }
                }

                await WriteAsync(tx, writes, processed, replies);
            },
            cancellationToken);
    }

    private static async Task WriteAsync(PgTx tx, PgTurnWrites? writes, IReadOnlyList<InboxItem> processed, IReadOnlyList<OutboxMessage> replies)
    {
        if (writes is not null)
        {
            await writes.ApplyAsync(tx);
        }

        await PgRequestStore.InsertOutboxAsync(tx, replies);
        foreach (var item in processed)
        {
            await PgInbox.UpdateAsync(tx, item.Stripped());
        }
    }
}
