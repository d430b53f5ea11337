using LiteDB;

namespace PdBot.Adapters.LiteDb;

/// <summary>
/// Numeric ids handed out when an object is created, not when it is committed: a turn's writes commit at its
/// end, and the turn may show the id before that («запрос №12»). One process owns the file (the lock file), so a
/// counter started from the largest id ever committed cannot collide; an id lost to a rolled-back turn is just
/// skipped. The largest id is also kept in <see cref="Sequences"/>, because delivered turn replies are deleted and the
/// largest id still stored could otherwise be handed out again after a restart.
/// </summary>
public sealed class IdSequence(LiteDbStorage storage, string collection)
{
    public const string Sequences = "sequences";
    private readonly Lock _lock = new();
    private long _last = -1;

    /// <summary>Ids are recorded as used a block ahead, so most commits write nothing here; a restart skips the rest of the block.</summary>
    public const long Block = 1000;

    private long _persisted = -1;

    /// <summary>Records <paramref name="id"/> as used, inside the caller's transaction (on the writer thread).</summary>
    public void Persist(LiteDatabase db, long id)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (id <= Volatile.Read(ref _persisted))
        {
            return;
        }

        var sequences = db.GetCollection(Sequences);
        var last = Math.Max(id + Block, sequences.FindById(collection)?["Last"].AsInt64 ?? 0);
        sequences.Upsert(new BsonDocument { ["_id"] = collection, ["Last"] = last });

        // A rolled-back batch may not have kept this: forget it then, so the next commit writes it again.
        Volatile.Write(ref _persisted, last);
    }

    /// <summary>After a rollback nothing written in the batch is known to be on disk.</summary>
    public void Forget() => Volatile.Write(ref _persisted, -1);

    public long Next()
    {
        lock (_lock)
        {
            if (_last < 0)
            {
                var stored = storage.Database.GetCollection(collection).Query().OrderByDescending("_id").Select("_id").FirstOrDefault()?["_id"].AsInt64 ?? 0;
                _last = Math.Max(stored, storage.Database.GetCollection(Sequences).FindById(collection)?["Last"].AsInt64 ?? 0);
            }

            return ++_last;
        }
    }
}
