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
        await CopyAsync(source, tx, LiteIncidentStore.Incidents, incidents.Cases);
        await CopyAsync(source, tx, LiteAuthorityStore.Collection, authority.Cases);
        await CopyAsync(source, tx, LiteUnlawfulStore.Collection, unlawful.Cases);
    }

    private static async Task CopyAsync<T>(LiteDatabase source, PgTx tx, string collection, PgCaseTable<T> table)
        where T : class
    {
        long maxId = 0;
        foreach (var item in source.GetCollection<T>(collection).FindAll())
        {
            await table.UpsertAsync(tx, item);
            maxId = Math.Max(maxId, table.IdOf(item));
        }

        var stored = source.GetCollection(IdSequence.Sequences).FindById(collection);
        var last = stored?["Last"] is { IsNumber: true } value ? value.AsInt64 : 0;
        var handedOut = Convert.ToInt64(await tx.ScalarAsync("SELECT coalesce(pg_sequence_last_value($1::regclass), 0)", table.Sequence), CultureInfo.InvariantCulture);
        var used = Math.Max(Math.Max(last, maxId), handedOut);

        // setval(…, false) makes the next value 1 itself: a register never numbered starts at 1, as in LiteDB.
        await tx.ScalarAsync("SELECT setval($1::regclass, $2, $3)", table.Sequence, Math.Max(used, 1), used > 0);
    }
}
