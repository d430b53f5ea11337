using LiteDB;
using PdBot.Core.Alerts;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// <c>pdbot db copy</c>: the alerts with their ids, and <see cref="PgAlertStore.Sequence"/> moved past every id LiteDB
/// stored or recorded as used (its <c>sequences</c> entry), so no id is handed out twice.
/// </summary>
public sealed class PgAlertCopy : IPgCopyTarget
{
    /// <summary>The alerts, and LiteDB's id sequences, of which the alerts' entry is read (other stores read theirs).</summary>
    public IReadOnlyDictionary<string, string?> Tables { get; } = new Dictionary<string, string?>
    {
        [PgAlertStore.Table] = PgAlertStore.Table,
        [LiteDb.IdSequence.Sequences] = null,
    };

    public async Task CopyAsync(LiteDatabase source, PgTx tx)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tx);
        var last = LiteSource.SequenceLast(source, PgAlertStore.Table);
        foreach (var alert in LiteSource.Objects<SystemAlert>(source, PgAlertStore.Table))
        {
            await PgAlertStore.InsertAsync(tx, alert);
            last = Math.Max(last, alert.Id);
        }

        await PgSequence.MovePastAsync(tx, PgAlertStore.Sequence, last);
    }
}
