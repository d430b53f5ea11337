using System.Diagnostics;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Bench;

/// <summary>The baseline group commit is meant to beat: one thread, one LiteDB transaction (one flush) per event.</summary>
internal static class NaiveBench
{
    public static BenchResult Run(string dbPath, int events)
    {
        var work = ConsentEvent.CreateMany(events, TimeProvider.System);
        using var storage = new LiteDbStorage(new StorageOptions { Path = dbPath });
        var audit = new LiteAuditLog(storage);
        var db = storage.Database;

        // Nothing is queued to storage.Writer, so this thread is the only writer and may seal audit
        // entries itself. The loop is synchronous because LiteDB ties a transaction to its thread.
        var clock = Stopwatch.StartNew();
        foreach (var e in work)
        {
            if (!db.BeginTrans())
            {
                throw new InvalidOperationException("A transaction is already open on this thread.");
            }

            db.GetCollection<Person>(LiteDbStorage.People).Upsert(e.Person);
            db.GetCollection<ConsentRecord>(LiteDbStorage.Consents).Upsert(e.Record);
            audit.AppendOnWriterThread(db, [e.Entry]);
            if (!db.Commit())
            {
                throw new InvalidOperationException("LiteDB did not commit the transaction.");
            }
        }

        clock.Stop();
        return new BenchResult("naive, 1 transaction/event", events, clock.Elapsed, audit.Verify());
    }
}
