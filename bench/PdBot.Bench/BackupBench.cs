using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using PdBot.Adapters.Backup;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;

namespace PdBot.Bench;

/// <summary>
/// <c>backup --persons N</c>: a store with N persons (each with a given consent and its audit entry), backed up and
/// checked as <c>pdbot backup</c> does while a writer keeps committing (how long its writes waited behind the copy),
/// then restored into a stopped store; unencrypted and encrypted (AES, Storage:Password).
/// </summary>
internal static class BackupBench
{
    private const string Password = "bench-password";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = SeededFile.Parse(args, "--persons", 100_000);
        if (options is null)
        {
            Console.Error.WriteLine("usage: pdbot-bench backup [--persons N] [--db FILE (kept, and reused when it exists)]");
            return 2;
        }

        using var temp = new TempDirectory();
        var seeded = await options.PrepareAsync(temp, IdleBench.SeedAsync);
        var plain = temp.File("plain.db");
        var encrypted = temp.File("encrypted.db");
        File.Copy(seeded, plain);
        File.Copy(seeded, encrypted);
        using (new LiteDbStorage(new StorageOptions { Path = encrypted, Password = Password }))
        {
            // Opening with a password encrypts the file in place.
        }

        var ok = true;
        foreach (var (name, path, password) in new[] { ("unencrypted", plain, (string?)null), ("encrypted", encrypted, Password) })
        {
            // Unreported first pass: the file is in the page cache for the measured one.
            await BackupOnceAsync(path, password, temp.File(name + "-warmup.db"));
            var run = await BackupOnceAsync(path, password, temp.File(name + "-copy.db"));
            Console.WriteLine(Invariant(
                $"{name,-12} backup {run.Made.SizeBytes / 1048576.0,6:F0} MiB: copy {run.Made.CopyTook.TotalSeconds,5:F2} s, check {run.Made.Check.Took.TotalSeconds,5:F2} s, total {run.Total.TotalSeconds,5:F2} s")
                + Invariant($"; writes during it: {run.Writes}, longest wait {run.LongestWrite.TotalMilliseconds:F0} ms; {run.Made.Check.Persons:N0} persons, {run.Made.Check.Consents:N0} consents, {run.Made.Check.AuditEntries:N0} audit entries, intact {run.Made.Check.IsIntact}"));
            var clock = Stopwatch.StartNew();
            var restored = StoreRestore.Run(temp.File(name + "-restored.db"), password, temp.File(name + "-copy.db"), TimeProvider.System.GetUtcNow().UtcDateTime);
            Console.WriteLine(Invariant($"{name,-12} restore (copy beside the store, check, rename): {clock.Elapsed.TotalSeconds:F2} s, intact {restored.Check.IsIntact}"));
            ok &= run.Made.Check.IsIntact && restored.Check.IsIntact && run.Made.Check.Persons == options.Count;
        }

        return ok ? 0 : 1;
    }

    private static async Task<(BackupResult Made, TimeSpan Total, int Writes, TimeSpan LongestWrite)> BackupOnceAsync(string db, string? password, string copy)
    {
        var storageOptions = new StorageOptions { Path = db, Password = password };
        using var storage = new LiteDbStorage(storageOptions);
        var audit = new LiteAuditLog(storage);
        var backup = new StoreBackup(storage, new BackupLog(storage, audit), Options.Create(storageOptions), TimeProvider.System);
        using var stop = new CancellationTokenSource();

        // A steady trickle of commits, as a live host has: each waits while the writer thread copies the file.
        var writer = Task.Run(async () =>
        {
            var (writes, longest) = (0, TimeSpan.Zero);
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                await audit.AppendAsync([new AuditEntry { TimeUtc = TimeProvider.System.GetUtcNow().UtcDateTime, Kind = "bench", Event = "tick", Actor = "bench" }]);
                var took = Stopwatch.GetElapsedTime(started);
                longest = took > longest ? took : longest;
                writes++;
                await Task.Delay(5);
            }

            return (writes, longest);
        });
        await Task.Delay(50);
        var clock = Stopwatch.StartNew();
        var made = await backup.MakeAsync(copy, force: true);
        var total = clock.Elapsed;
        await stop.CancelAsync();
        var (count, wait) = await writer;
        return (made, total, count, wait);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
