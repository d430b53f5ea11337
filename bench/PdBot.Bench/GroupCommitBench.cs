using System.Diagnostics;
using PdBot.Adapters.LiteDb;

namespace PdBot.Bench;

/// <summary>
/// The production path: many turns call <see cref="LiteConsentStore.SaveAsync"/> at once and the
/// group-commit writer folds whatever is queued into one transaction.
/// </summary>
internal static class GroupCommitBench
{
    public static async Task<BenchResult> RunAsync(string dbPath, int events, int concurrency)
    {
        var work = ConsentEvent.CreateMany(events, TimeProvider.System);
        using var storage = new LiteDbStorage(new StorageOptions { Path = dbPath });
        var audit = new LiteAuditLog(storage);
        var store = new LiteConsentStore(storage, audit, TimeProvider.System);

        // Callers take the next event from a shared counter, so each event is saved exactly once
        // and a caller that finishes early keeps the queue full.
        var next = -1;
        async Task CallerAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < events)
            {
                var e = work[i];
                await store.SaveAsync(e.Person, personChanged: true, [e.Record], [e.Entry]);
            }
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(CallerAsync)));
        clock.Stop();

        return new BenchResult($"group commit, {concurrency} callers", events, clock.Elapsed, audit.Verify());
    }
}
