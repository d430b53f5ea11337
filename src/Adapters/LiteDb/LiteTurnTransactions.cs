using PdBot.Adapters.Processing;
using PdBot.Core.Inbox;
using PdBot.Core.Outbox;

namespace PdBot.Adapters.LiteDb;

/// <summary>Turn transactions on the group-commit writer: the turn's writes are deferred, then committed in one work item.</summary>
public sealed class LiteTurnTransactions(LiteDbStorage storage) : ITurnTransactions
{
    public IDisposable Begin() => GroupCommitWriter.BeginDeferred();

    public Task CommitAsync(IDisposable turn, IReadOnlyList<InboxItem> processed, IReadOnlyList<OutboxMessage> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(processed);
        ArgumentNullException.ThrowIfNull(replies);
        var writes = turn as DeferredWrites;
        foreach (var m in replies.Where(m => m.Id == 0))
        {
            m.Id = storage.OutboxIds.Next();
        }

        return storage.Writer.CommitNowAsync(db =>
        {
            writes?.ApplyOnWriterThread(db);
            if (replies.Count > 0)
            {
                db.GetCollection<OutboxMessage>(LiteRequestStore.Outbox).Insert(replies);
                storage.OutboxIds.Persist(db, replies.Max(m => m.Id));
            }

            var inbox = db.GetCollection<InboxItem>(LiteInbox.Collection);
            foreach (var item in processed)
            {
                // Processed: stored without its payload, in this same write (InboxItem.Stripped).
                inbox.Update(item.Stripped());
            }
        });
    }
}
