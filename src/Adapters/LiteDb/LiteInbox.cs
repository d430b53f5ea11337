using LiteDB;
using PdBot.Core.Inbox;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Adapters.LiteDb;

/// <summary>
/// The inbox in LiteDB: the insert is the dedupe (primary key = platform update id). Processed items are stored
/// without their payload (see <see cref="InboxItem.Stripped"/>); a person's erasure removes their items.
/// </summary>
public sealed class LiteInbox : IInbox, IPersonDataEraser
{
    public const string Collection = "inbox";
    public const string Cursors = "cursors";
    private readonly LiteDbStorage _storage;

    public LiteInbox(LiteDbStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
        storage.Database.GetCollection<InboxItem>(Collection).EnsureIndex(i => i.PersonKey);
    }

    public async Task<bool> TryAddAsync(InboxItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var added = false;
        await _storage.Writer.WriteAheadAsync(db =>
        {
            var col = db.GetCollection<InboxItem>(Collection);
            added = col.FindById(item.Id) is null && col.Insert(item) is not null;
        });
        return added;
    }

    public IReadOnlyList<InboxItem> Unprocessed(string channel) =>
        [.. _storage.Database.GetCollection<InboxItem>(Collection)
            .Find(BsonExpression.Create("$.ProcessedAtUtc = null AND $.Channel = @0", channel))
            .OrderBy(i => i.ReceivedAtUtc).ThenBy(i => i.Id, StringComparer.Ordinal)];

    /// <summary>
    /// Deletes processed updates received before <paramref name="beforeUtc"/>, and strips the payload of processed
    /// updates that still hold one (stored before payloads were dropped on processing): the first run after an
    /// upgrade is the one-time pass.
    /// </summary>
    public async Task<int> SweepAsync(DateTime beforeUtc, CancellationToken cancellationToken = default)
    {
        // Ids first, then writes by primary key: cheap, and nothing to do most hours.
        var col = _storage.Database.GetCollection<InboxItem>(Collection);
        var old = col.Find(i => i.ProcessedAtUtc != null && i.ReceivedAtUtc < beforeUtc).Select(i => i.Id).ToList();
        var holding = col.Find(i => i.ProcessedAtUtc != null && i.ReceivedAtUtc >= beforeUtc && i.Payload != "").Where(i => !i.SetAside).Select(i => i.Id).ToList();
        if (old.Count + holding.Count > 0)
        {
            await _storage.Writer.WriteAsync(db =>
            {
                var inbox = db.GetCollection<InboxItem>(Collection);
                old.ForEach(id => inbox.Delete(id));
                foreach (var id in holding)
                {
                    if (inbox.FindById(id) is { } item)
                    {
                        inbox.Update(item.Stripped());
                    }
                }
            });
        }

        return old.Count;
    }

    /// <summary>
    /// Inside the erasure's transaction. With the identifiers every stored update of the person goes (their key, and
    /// for items stored before the key was kept, the sender in the payload); without them (a contract keeps the
    /// identifiers) their processed updates lose the payload still held, and unprocessed ones stay to be processed.
    /// Runs before the person's platform ids are blanked.
    /// </summary>
    public void EraseOnWriterThread(LiteDatabase db, PersonErasure erasure)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(erasure);
        if (db.GetCollection<Person>(LiteDbStorage.People).FindById(erasure.PersonId) is not { PlatformUserId.Length: > 0 } person)
        {
            return;
        }

        var col = db.GetCollection<InboxItem>(Collection);
        var theirs = col.Find(BsonExpression.Create("$.PersonKey = @0", person.Key))
            .Concat(col.Find(i => i.Channel == person.Channel && i.PersonKey == null).Where(i => InboxSender.Is(i.Payload, person.PlatformUserId)))
            .ToList();
        foreach (var item in theirs)
        {
            if (erasure.Identifiers)
            {
                col.Delete(item.Id);
            }
            else if (item.ProcessedAtUtc is not null && item.Payload.Length > 0)
            {
                item.SetAside = false;
                col.Update(item.Stripped());
            }
        }
    }

    public string? GetCursor(string channel) =>
        _storage.Database.GetCollection(Cursors).FindById(channel)?["Value"].AsString;

    public Task SetCursorAsync(string channel, string value, CancellationToken cancellationToken = default) =>
        _storage.Writer.WriteAsync(db => db.GetCollection(Cursors).Upsert(new BsonDocument { ["_id"] = channel, ["Value"] = value }));

    public Task MarkFailedAsync(InboxItem item, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.Attempts++;
        item.LastError = error;
        return _storage.Writer.WriteAsync(db => db.GetCollection<InboxItem>(Collection).Update(item));
    }
}
