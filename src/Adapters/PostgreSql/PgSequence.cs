using System.Globalization;

namespace PdBot.Adapters.PostgreSql;

/// <summary>Moving an id sequence when a LiteDB store is copied in (<c>pdbot db copy</c>).</summary>
public static class PgSequence
{
    /// <summary>
    /// Sets <paramref name="sequence"/> so its next value comes after <paramref name="used"/> (the largest id LiteDB handed
    /// out or stored) and after any value the sequence handed out already: an id the old store showed («запрос №12», a
    /// deleted reply) is never handed out again. A sequence never used starts at 1, as LiteDB numbering does.
    /// </summary>
    public static async Task MovePastAsync(PgTx tx, string sequence, long used)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var handedOut = Convert.ToInt64(await tx.ScalarAsync("SELECT coalesce(pg_sequence_last_value($1::regclass), 0)", sequence), CultureInfo.InvariantCulture);
        var last = Math.Max(used, handedOut);

        // setval(…, false) makes the next value 1 itself.
        await tx.ScalarAsync("SELECT setval($1::regclass, $2, $3)", sequence, Math.Max(last, 1), last > 0);
    }
}
