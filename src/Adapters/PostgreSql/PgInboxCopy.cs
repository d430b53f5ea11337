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
        foreach (var item in source.GetCollection<InboxItem>(LiteInbox.Collection).FindAll())
        {
            await PgInbox.InsertAsync(tx, item);
        }

        foreach (var cursor in source.GetCollection(LiteInbox.Cursors).FindAll())
        {
            await PgInbox.SetCursorAsync(tx, cursor["_id"].AsString, cursor["Value"].AsString);
        }
    }
}
