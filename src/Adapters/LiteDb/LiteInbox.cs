using LiteDB;
using PdBot.Core.Inbox;

namespace PdBot.Adapters.LiteDb;

/// <summary>The inbox in LiteDB: the insert is the dedupe (primary key = platform update id).</summary>
public sealed class LiteInbox(LiteDbStorage storage) : IInbox
{
    public const string Collection = "inbox";
    public const string Cursors = "cursors";

    public async Task<bool> TryAddAsync(InboxItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var added = false;
        await storage.Writer.WriteAheadAsync(db =>
        {
            var col = db.GetCollection<InboxItem>(Collection);
            added = col.FindById(item.Id) is null && col.Insert(item) is not null;
        });
        return added;
    }

    public IReadOnlyList<InboxItem> Unprocessed(string channel) =>
        [.. storage.Database.GetCollection<InboxItem>(Collection)
            .Find(BsonExpression.Create("$.ProcessedAtUtc = null AND $.Channel = @0", channel))
            .OrderBy(i => i.ReceivedAtUtc).ThenBy(i => i.Id, StringComparer.Ordinal)];

    public async Task<int> SweepAsync(DateTime beforeUtc, CancellationToken cancellationToken = default)
    {
        // Ids first, then deletes by primary key: cheap, and nothing to do most hours.
        var old = storage.Database.GetCollection<InboxItem>(Collection)
            .Find(i => i.ProcessedAtUtc != null && i.ReceivedAtUtc < beforeUtc).Select(i => i.Id).ToList();
        if (old.Count > 0)
        {
            await storage.Writer.WriteAsync(db =>
            {
                var col = db.GetCollection<InboxItem>(Collection);
                old.ForEach(id => col.Delete(id));
            });
        }

        return old.Count;
    }

    /// <summary>
    /// Destruction: deletes every stored update sent by <paramref name="platformUserId"/> on the channel, inside the
    /// caller's transaction. The sender is read from the payload (Telegram <c>from.id</c>, VK <c>from_id</c>/<c>user_id</c>).
    /// </summary>
    public static int ForgetUser(LiteDatabase db, string channel, string platformUserId)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(platformUserId))
        {
            return 0;
        }

        var col = db.GetCollection<InboxItem>(Collection);
        var ids = col.Find(i => i.Channel == channel).Where(i => InboxSender.Is(i.Payload, platformUserId)).Select(i => i.Id).ToList();
        ids.ForEach(id => col.Delete(id));
        return ids.Count;
    }

    public string? GetCursor(string channel) =>
        storage.Database.GetCollection(Cursors).FindById(channel)?["Value"].AsString;

    public Task SetCursorAsync(string channel, string value, CancellationToken cancellationToken = default) =>
        storage.Writer.WriteAsync(db => db.GetCollection(Cursors).Upsert(new LiteDB.BsonDocument { ["_id"] = channel, ["Value"] = value }));

    public Task MarkFailedAsync(InboxItem item, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.Attempts++;
        item.LastError = error;
        return storage.Writer.WriteAsync(db => db.GetCollection<InboxItem>(Collection).Update(item));
    }
}
