using LiteDB;

namespace PdBot.Adapters.PostgreSql;

/// <summary>Reading a LiteDB store being copied to PostgreSQL (<c>pdbot db copy</c>).</summary>
public static class LiteSource
{
    private const int Chunk = 1000;

    /// <summary>
    /// Every document of <paramref name="collection"/> in key order, one query per chunk: a LiteDB read keeps every page
    /// it has read until it ends, so one query over a long audit trail would hold most of the file in memory.
    /// </summary>
    public static IEnumerable<BsonDocument> Documents(LiteDatabase source, string collection)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(collection);
        var after = BsonValue.MinValue;
        while (true)
        {
            var chunk = source.GetCollection(collection).Query().Where(Query.GT("_id", after)).OrderBy("_id").Limit(Chunk).ToList();
            foreach (var doc in chunk)
            {
                yield return doc;
            }

            if (chunk.Count < Chunk)
            {
                yield break;
            }

            after = chunk[^1]["_id"];
        }
    }

    /// <summary>
    /// Every document of <paramref name="collection"/> as <typeparamref name="T"/>, mapped as the LiteDB store maps it; a
    /// document that does not map stops the copy with its collection and id (never its content).
    /// </summary>
    public static IEnumerable<T> Objects<T>(LiteDatabase source, string collection, Func<BsonDocument, T>? map = null)
    {
        map ??= PgDocuments.FromDocument<T>;
        foreach (var doc in Documents(source, collection))
        {
            yield return Map(collection, doc, map);
        }
    }

    /// <summary><paramref name="doc"/> mapped, or an error naming where it is.</summary>
    public static T Map<T>(string collection, BsonDocument doc, Func<BsonDocument, T> map)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(map);
        try
        {
            return map(doc);
        }
        catch (Exception ex) when (ex is InvalidCastException or LiteException or FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidOperationException($"Документ {doc["_id"]} коллекции {collection} в LiteDB не читается: копирование остановлено.", ex);
        }
    }

    /// <summary>The <c>Last</c> id recorded in LiteDB's <c>sequences</c> for <paramref name="collection"/> (0 when none).</summary>
    public static long SequenceLast(LiteDatabase source, string collection)
    {
        ArgumentNullException.ThrowIfNull(source);
        var doc = source.GetCollection(LiteDb.IdSequence.Sequences).FindById(collection);
        return doc is not null && doc["Last"].IsNumber ? doc["Last"].AsInt64 : 0;
    }
}
