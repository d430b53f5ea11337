using LiteDB;

namespace PdBot.Adapters.LiteDb;

/// <summary>
/// Numeric ids handed out when an object is created, not when it is committed: a turn's writes commit at its
/// end, and the turn may show the id before that («запрос №12»). One process owns the file (the lock file), so a
/// counter started from the largest stored id cannot collide; an id lost to a rolled-back turn is just skipped.
/// </summary>
public sealed class IdSequence(LiteDbStorage storage, string collection)
{
    private readonly Lock _lock = new();
    private long _last = -1;

    public long Next()
    {
        lock (_lock)
        {
            if (_last < 0)
            {
                _last = storage.Database.GetCollection(collection).Query().OrderByDescending("_id").Select("_id").FirstOrDefault()?["_id"].AsInt64 ?? 0;
            }

            return ++_last;
        }
    }
}
