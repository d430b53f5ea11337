using LiteDB;

namespace PdBot.Adapters.PostgreSql;

/// <summary>What the purpose stores' copy targets share when a LiteDB store moves to PostgreSQL.</summary>
internal static class PgPurposeCopy
{
    /// <summary>
    /// Sets <paramref name="sequence"/> so its next id is above the LiteDB sequence entry of <paramref name="collection"/>
    /// (the largest id ever handed out, a block ahead), <paramref name="maxId"/> and any id the sequence has handed out
    /// already: an id the old store showed (a deleted reply, «запрос №12») is never handed out again.
    /// </summary>
    public static Task SetSequenceAsync(LiteDatabase source, PgTx tx, string sequence, string? collection, long maxId)
    {
        var stored = collection is null ? 0 : LiteSource.SequenceLast(source, collection);
        return PgSequence.MovePastAsync(tx, sequence, Math.Max(stored, maxId));
    }

    /// <summary>
    /// Every document of a LiteDB collection as it is stored (the row's doc), with the object it maps to (the row's
    /// columns): the document is not rebuilt from the object, so a null kept in it stays a null.
    /// </summary>
    public static List<(T Entity, string Json)> All<T>(LiteDatabase source, string collection) =>
        [.. source.GetCollection(collection).FindAll().Select(d => (PgDocuments.FromDocument<T>(d), PgDocuments.ToJson(d)))];
}
