using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.People;

namespace PdBot.Bench;

/// <summary>
/// <c>idle --persons N</c>: seeds N people, each with a consent to the mailing at the current text version, starts
/// the real host (<c>pdbot serve</c>) on that file as a child, and reads its RSS once it has sat idle, under a few GC
/// settings (environment overrides), next to an anchor in the same run: an empty ASP.NET Core app
/// (<c>pdbot-bench empty-host</c>).
/// </summary>
internal static class IdleBench
{
    private const int SeedBatch = 5_000;

    /// <summary>How long a started process sits before its RSS is read.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    /// <summary>GC settings compared; the first row is the host as built (its runtimeconfig).</summary>
    private static readonly (string Name, string[] Env)[] Settings =
    [
        ("as built", []),
        ("server GC (Web SDK default)", ["DOTNET_gcServer=1"]),
        ("workstation, concurrent", ["DOTNET_gcServer=0", "DOTNET_gcConcurrent=1"]),
        ("workstation, non-concurrent", ["DOTNET_gcServer=0", "DOTNET_gcConcurrent=0"]),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = SeededFile.Parse(args, "--persons", 100_000);
        if (options is null)
        {
            Console.Error.WriteLine("usage: pdbot-bench idle [--persons N] [--db FILE (kept, and reused when it exists)]");
            return 2;
        }

        using var temp = new TempDirectory();
        var db = await options.PrepareAsync(temp, SeedAsync);
        Console.WriteLine(Invariant($"RSS read after {Idle.TotalSeconds:F0} s idle"));
        var ok = true;
        foreach (var (name, env) in Settings)
        {
            var rss = await IdleRssMiBAsync(ChildProcess.Dotnet("pdbot.dll", "serve", "--urls", "http://127.0.0.1:0", "--Storage:Path", db), "PdBot is listening", env);
            Console.WriteLine(Invariant($"pdbot serve, {name,-30} {rss,7:F0} MiB"));
            ok &= rss > 0;
        }

        foreach (var (name, env) in Settings[1..])
        {
            var rss = await IdleRssMiBAsync(ChildProcess.Dotnet("pdbot-bench.dll", "empty-host"), EmptyHostReady, env);
            Console.WriteLine(Invariant($"anchor: empty ASP.NET Core app, {name,-30} {rss,7:F0} MiB"));
            ok &= rss > 0;
        }

        return ok ? 0 : 1;
    }

    private const string EmptyHostReady = "empty host listening";

    /// <summary>The anchor: an ASP.NET Core app with one endpoint and nothing else.</summary>
    public static async Task<int> RunEmptyHostAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        await app.StartAsync();
        Console.WriteLine(EmptyHostReady);
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>Starts the process, waits for its ready line and the idle time, reads VmRSS, stops it. 0 when it never got ready.</summary>
    private static async Task<double> IdleRssMiBAsync(ProcessStartInfo start, string readyLine, string[] env)
    {
        foreach (var pair in env)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            start.Environment[pair[..eq]] = pair[(eq + 1)..];
        }

        using var process = Process.Start(start)!;
        var ready = new TaskCompletionSource();
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && e.Data.Contains(readyLine, StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => log.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(120));
            await Task.Delay(Idle);
            return ChildProcess.StatusMiB(process.Id, "VmRSS") ?? 0;
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine(log.ToString());
            return 0;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>What a first consent commits, in large batches through the group-commit writer.</summary>
    internal static async Task SeedAsync(string db, int persons)
    {
        const string Purpose = "mailing";
        const int Version = 2;
        var textHash = ConsentText.Sha256Hex("bench");
        using var storage = new LiteDbStorage(new StorageOptions { Path = db });
        var audit = new LiteAuditLog(storage);
        var start = TimeProvider.System.GetUtcNow().UtcDateTime;
        for (var first = 1; first <= persons; first += SeedBatch)
        {
            var people = new List<Person>();
            var records = new List<ConsentRecord>();
            var entries = new List<AuditEntry>();
            for (var i = first; i < first + SeedBatch && i <= persons; i++)
            {
                var now = start.AddMilliseconds(i);
                var userId = (1_000_000 + i).ToString(CultureInfo.InvariantCulture);
                var person = Person.Create("telegram", userId, userId, now);
                people.Add(person);
                records.Add(new ConsentRecord
                {
                    Id = ConsentRecord.MakeId(person.Id, Purpose),
                    PersonId = person.Id,
                    PurposeId = Purpose,
                    State = ConsentState.Given,
                    TextVersion = Version,
                    TextHash = textHash,
                    Buttons = ["tick", "submit"],
                    GivenAtUtc = now,
                    UpdatedAtUtc = now,
                });
                entries.Add(new AuditEntry
                {
                    TimeUtc = now,
                    Kind = AuditEvents.ConsentKind,
                    Event = AuditEvents.Given,
                    Channel = "telegram",
                    UserId = userId,
                    PersonId = person.Id,
                    PurposeId = Purpose,
                    TextVersion = Version,
                    TextHash = textHash,
                    Buttons = ["tick", "submit"],
                });
            }

            await storage.Writer.WriteAsync(d =>
            {
                d.GetCollection<Person>(LiteDbStorage.People).Insert(people);
                d.GetCollection<ConsentRecord>(LiteDbStorage.Consents).Insert(records);
                audit.AppendOnWriterThread(d, entries);
            });
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
