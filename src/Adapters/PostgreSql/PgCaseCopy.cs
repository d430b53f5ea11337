using System.Globalization;
using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Authority;
using PdBot.Core.Incidents;
using PdBot.Core.Unlawful;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// Copies the console registers (incidents, authority requests, unlawful-processing cases) into PostgreSQL as they are,
/// keeping their numbers, and moves each register's sequence past every number LiteDB handed out (its
/// <c>sequences</c> entry and the largest number stored), so no number is given twice after the move.
/// </summary>
public sealed class PgCaseCopy(PgIncidentStore incidents, PgAuthorityStore authority, PgUnlawfulStore unlawful) : IPgCopyTarget
{
    public IReadOnlyDictionary<string, string?> Tables { get; } = new Dictionary<string, string?>
    {
        [LiteIncidentStore.Incidents] = PgIncidentStore.Incidents,
        [LiteAuthorityStore.Collection] = PgAuthorityStore.Table,
        [LiteUnlawfulStore.Collection] = PgUnlawfulStore.Table,
        [IdSequence.Sequences] = null,
    };

    public async Task CopyAsync(LiteDatabase source, PgTx tx)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tx);

        // Everything is read from LiteDB before the first await: its locks belong to the thread that took them, and an
        // open query carried over an await to another thread fails.
        var incidentRows = Read<Incident>(source, LiteIncidentStore.Incidents);
        var authorityRows = Read<AuthorityRequest>(source, LiteAuthorityStore.Collection);
        var unlawfulRows = Read<UnlawfulCase>(source, LiteUnlawfulStore.Collection);
        await WriteAsync(tx, incidentRows, incidents.Cases);
        await WriteAsync(tx, authorityRows, authority.Cases);
        await WriteAsync(tx, unlawfulRows, unlawful.Cases);
    }

    /// <summary>The collection's documents and the last number LiteDB recorded as handed out (0 when none).</summary>
    private static (List<T> Items, long Last) Read<T>(LiteDatabase source, string collection)
    {
        var items = source.GetCollection<T>(collection).FindAll().ToList();
        return (items, LiteSource.SequenceLast(source, collection));
    }

    private static async Task WriteAsync<T>(PgTx tx, (List<T> Items, long Last) rows, PgCaseTable<T> table)
        where T : class
    {
        long maxId = 0;
        foreach (var item in rows.Items)
        {
            await table.UpsertAsync(tx, item);
            maxId = Math.Max(maxId, table.IdOf(item));
        }

        await PgSequence.MovePastAsync(tx, table.Sequence, Math.Max(rows.Last, maxId));
    }
}
