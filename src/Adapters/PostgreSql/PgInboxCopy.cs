using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Inbox;

namespace PdBot.Adapters.PostgreSql;

/// <summary>Copies the LiteDB inbox and the channels' cursors into PostgreSQL as they are (<c>pdbot db copy</c>).</summary>
public sealed class PgInboxCopy : IPgCopyTarget
{
    public IReadOnlyDictionary<string, string?> Tables { get; } = new Dictionary<string, string?>
    {
        [LiteInbox.Collection] = PgInbox.Table,
        [LiteInbox.Cursors] = PgInbox.Cursors,
    };

    public async Task CopyAsync(LiteDatabase source, PgTx tx)
    {
        ArgumentNullException.ThrowIfNull(source);

        // Read before the first await: a LiteDB read belongs to the thread that started it.
        var items = source.GetCollection<InboxItem>(LiteInbox.Collection).FindAll().ToList();
        var cursors = source.GetCollection(LiteInbox.Cursors).FindAll().Select(c => (Channel: c["_id"].AsString, Value: c["Value"].AsString)).ToList();
        foreach (var item in items)
        {
            await PgInbox.InsertAsync(tx, item);
        }

        foreach (var (channel, value) in cursors)
        {
            await PgInbox.SetCursorAsync(tx, channel, value);
        }
    }
}
