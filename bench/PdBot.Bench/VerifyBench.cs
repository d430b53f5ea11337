using System.Diagnostics;
using System.Globalization;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;

namespace PdBot.Bench;

/// <summary>
/// <c>verify --entries N</c>: writes N real sealed audit entries into a LiteDB file, then times the verification the
/// CLI runs (in this process and as <c>pdbot audit verify</c> in a child, whose peak RSS is read from /proc), next to
/// an anchor in the same run: reading every document of the collection without hashing.
/// </summary>
internal static class VerifyBench
{
    private const int SeedBatch = 5_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = SeededFile.Parse(args, "--entries", 1_000_000);
        if (options is null)
        {
            Console.Error.WriteLine("usage: pdbot-bench verify [--entries N] [--db FILE (kept, and reused when it exists)]");
            return 2;
        }

        using var temp = new TempDirectory();
        var db = await options.PrepareAsync(temp, SeedAsync);

        // Unreported first pass: the file is in the page cache for every measured pass alike.
        RawScan(db);

        var scan = RawScan(db);
        Console.WriteLine(Invariant($"anchor: raw scan of the audit collection   {scan.Seconds,6:F2} s  ({scan.Count:N0} documents)"));

        var inProcess = InProcessVerify(db);
        Console.WriteLine(Invariant($"verify in process (LiteAuditLog.Verify)    {inProcess.Seconds,6:F2} s  ({inProcess.Result})"));

        var child = await ChildVerifyAsync(db);
        Console.WriteLine(Invariant($"pdbot audit verify (child, wall incl. start-up) {child.Seconds,6:F2} s  peak RSS {child.PeakMiB:F0} MiB  exit {child.ExitCode}"));
        Console.WriteLine("  " + child.Output.Trim());

        var intact = inProcess.Result.IsIntact && inProcess.Result.IntactCount == scan.Count && child.ExitCode == 0;
        return intact ? 0 : 1;
    }

    /// <summary>Large batches through the group-commit writer: the production write path, minus the wait per turn.</summary>
    private static async Task SeedAsync(string db, int entries)
    {
        using var storage = new LiteDbStorage(new StorageOptions { Path = db });
        var audit = new LiteAuditLog(storage);
        var start = TimeProvider.System.GetUtcNow().UtcDateTime;
        Task pending = Task.CompletedTask;
        for (var first = 1; first <= entries; first += SeedBatch)
        {
            var count = Math.Min(SeedBatch, entries - first + 1);
            var batch = Enumerable.Range(first, count).Select(i => ConsentEvent.Create(i, start).Entry).ToList();
            await pending;
            pending = storage.Writer.WriteAsync(d => audit.AppendOnWriterThread(d, batch));
        }

        await pending;
    }

    private static (double Seconds, long Count) RawScan(string db)
    {
        using var storage = new LiteDbStorage(new StorageOptions { Path = db });
        var clock = Stopwatch.StartNew();
        long count = 0;
        foreach (var _ in new LiteAuditLog(storage).Documents())
        {
            count++;
        }

        return (clock.Elapsed.TotalSeconds, count);
    }

    private static (double Seconds, AuditVerification Result) InProcessVerify(string db)
    {
        using var storage = new LiteDbStorage(new StorageOptions { Path = db });
        var clock = Stopwatch.StartNew();
        var result = new LiteAuditLog(storage).Verify();
        return (clock.Elapsed.TotalSeconds, result);
    }

    private static async Task<(double Seconds, double PeakMiB, int ExitCode, string Output)> ChildVerifyAsync(string db)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(ChildProcess.Dotnet("pdbot.dll", "audit", "verify", "--db", db))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var peak = await ChildProcess.WaitForExitWithPeakMiBAsync(process);
        return (clock.Elapsed.TotalSeconds, peak, process.ExitCode, await output + await error);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
