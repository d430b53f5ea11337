using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using PdBot.Adapters.PostgreSql;
using PdBot.Bench.Webhook;

namespace PdBot.Bench.Hosts;

/// <summary>
/// <c>pdbot-bench webhook --store postgres --hosts 2</c>: turns per second of real <c>pdbot serve</c> processes behind
/// the Telegram webhook — LiteDB with one host, PostgreSQL with one host and with two hosts on one database, in the
/// same run on a durable throw-away cluster — then a <c>kill -9</c> of one of two hosts in a burst: the time the other
/// takes to finish the work, and whether every acknowledged update had exactly one effect, in order, with an intact chain.
/// </summary>
internal static class HostsBench
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(string[] args)
    {
        var o = HostsBenchOptions.Parse(args);
        if (o is null)
        {
            Console.Error.WriteLine(HostsBenchOptions.Usage);
            return 2;
        }

        var machine = Invariant($"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
        Console.WriteLine($"PdBot several-hosts bench{(o.Quick ? " (--quick)" : "")}: {machine}");
#if DEBUG
        Console.WriteLine("WARNING: a Debug build; run with -c Release for real figures.");
#endif
        using var temp = new TempDirectory();
        await using var telegram = await FakeTelegramApi.StartAsync();
        using var cluster = PgCluster.Start();
        Console.Error.WriteLine("durable throw-away PostgreSQL cluster started (fsync on)");

        var lite = await ThroughputAsync("LiteDB, 1 host", o, telegram, [temp.File("lite/pd.db")], new Dictionary<string, string>());
        var pg1 = await ThroughputAsync("PostgreSQL, 1 host", o, telegram, [temp.File("pg1/pd.db")], Pg(cluster.CreateDatabase()));
        var pg2Db = Pg(cluster.CreateDatabase());
        var pg2 = await ThroughputAsync("PostgreSQL, 2 hosts", o, telegram, [temp.File("pg2a/pd.db"), temp.File("pg2b/pd.db")], pg2Db);
        var kill = await KillAsync(o, telegram, temp, cluster.CreateDatabase());

        var figures = new List<Figure>
        {
            new($"turns/s, LiteDB, 1 host ({o.Greetings:N0} people)", lite.Text, "—", "anchor"),
            new($"turns/s, PostgreSQL, 1 host ({o.Greetings:N0} people)", pg1.Text, "LiteDB 1 host " + lite.Rate,
                Invariant($"{pg1.PerSecond / lite.PerSecond:0.00}× (goal ≥ 0.5×) {Verdict.Of(pg1.Done && pg1.PerSecond >= 0.5 * lite.PerSecond)}")),
            new($"turns/s, PostgreSQL, 2 hosts ({o.Greetings:N0} people)", pg2.Text, "PostgreSQL 1 host " + pg1.Rate,
                Invariant($"{pg2.PerSecond / pg1.PerSecond:0.00}× (goal ≥ 1.6×) {Verdict.Of(pg2.Done && pg2.PerSecond >= 1.6 * pg1.PerSecond)}")),
            new("kill -9 of 1 of 2 hosts in a burst", kill.Text, kill.Checks, Invariant($"goal ≤ 5 s {Verdict.Of(kill.Met)}")),
        };

        Console.WriteLine();
        Console.WriteLine(machine);
        FigureTable.Print(figures, Console.Out);
        return kill.Correct ? 0 : 1;
    }

    private static Dictionary<string, string> Pg(string connectionString) => new()
    {
        ["Storage__Provider"] = "PostgreSql",
        ["Storage__ConnectionString"] = connectionString,
    };

    /// <summary>Greetings from distinct new people, posted round-robin to the hosts as fast as they are acknowledged, timed until every one is a committed turn.</summary>
    private static async Task<Throughput> ThroughputAsync(
        string name, HostsBenchOptions o, FakeTelegramApi telegram, string[] storagePaths, Dictionary<string, string> environment)
    {
        Console.Error.WriteLine($"{name}…");
        var hosts = new List<HostChild>();
        try
        {
            foreach (var path in storagePaths)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                hosts.Add(await HostChild.StartAsync(telegram, path, environment));
            }

            // Unmeasured first: JIT, pools and the first person's tables.
            await PostAndWaitAsync(hosts, o.Greetings / 10, o.Cap);
            var run = await PostAndWaitAsync(hosts, o.Greetings, o.Cap);
            Console.Error.WriteLine("         " + run.Text);
            return run;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static async Task<Throughput> PostAndWaitAsync(List<HostChild> hosts, int count, TimeSpan cap)
    {
        var before = await TurnsAsync(hosts);
        var clock = Stopwatch.StartNew();
        var next = -1;
        var acked = 0;
        var posting = Task.WhenAll(Enumerable.Range(0, HostsBenchOptions.Connections).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count && clock.Elapsed < cap; i = Interlocked.Increment(ref next))
            {
                if (await hosts[i % hosts.Count].Webhook.PostAsync(TelegramUpdates.Greeting(), default))
                {
                    Interlocked.Increment(ref acked);
                }
            }
        })));

        long turns;
        while ((turns = await TurnsAsync(hosts) - before) < count && clock.Elapsed < cap)
        {
            await Task.Delay(Poll);
        }

        var elapsed = clock.Elapsed;
        await posting;
        return new Throughput(turns, elapsed, turns >= count && acked == count);
    }

    private static async Task<long> TurnsAsync(List<HostChild> hosts) => (await Task.WhenAll(hosts.Select(h => h.TurnsAsync()))).Sum();

    /// <summary>
    /// People write several messages each, alternately to two hosts; host a is killed with SIGKILL once half are
    /// acknowledged, and what it does not acknowledge is posted again to host b (as the platform would redeliver).
    /// </summary>
    private static async Task<KillResult> KillAsync(HostsBenchOptions o, FakeTelegramApi telegram, TempDirectory temp, string db)
    {
        Console.Error.WriteLine("kill -9 of one of two hosts in a burst…");
        var environment = Pg(db);
        Directory.CreateDirectory(temp.File("ka"));
        Directory.CreateDirectory(temp.File("kb"));
        await using var a = await HostChild.StartAsync(telegram, temp.File("ka/pd.db"), environment);
        await using var b = await HostChild.StartAsync(telegram, temp.File("kb/pd.db"), environment);
        using var storage = new PgStorage(db);
        var total = o.KillPeople * o.KillEach;
        var acked = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var postedToA = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var killed = 0;
        var sinceKill = new Stopwatch();
        string[] leftAtKill = [];
        await Task.WhenAll(Enumerable.Range(1, o.KillPeople).Select(p => Task.Run(async () =>
        {
            var user = TelegramUpdates.NewUserId();
            for (var i = 1; i <= o.KillEach; i++)
            {
                var text = Text(p, i);
                var body = TelegramUpdates.Text(user, text);
                var first = (p + i) % 2 == 0 ? a : b;
                if (first == a)
                {
                    using var update = System.Text.Json.JsonDocument.Parse(body);
                    postedToA["telegram:" + update.RootElement.GetProperty("update_id").GetInt64().ToString(CultureInfo.InvariantCulture)] = true;
                }

                if (await first.Webhook.PostAsync(body, default) || await b.Webhook.PostAsync(body, default) || await b.Webhook.PostAsync(body, default))
                {
                    acked[text] = true;
                }

                if (acked.Count >= total / 2 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    a.Kill();
                    sinceKill.Start();
                    leftAtKill = [.. storage.Query("SELECT id FROM inbox WHERE processed_at IS NULL", r => r.GetString(0))];
                }
            }
        })));

        // The dead host's updates left unprocessed, then all the work left at the kill (the survivor's own backlog too).
        var cap = Stopwatch.StartNew();
        var orphans = leftAtKill.Where(postedToA.ContainsKey).ToArray();
        while (Count(storage, "SELECT count(*) FROM inbox WHERE processed_at IS NULL AND id = ANY($1)", new object?[] { orphans }) > 0 && cap.Elapsed < o.Cap)
        {
            await Task.Delay(Poll);
        }

        var takeover = sinceKill.Elapsed;
        while (Count(storage, "SELECT count(*) FROM inbox WHERE processed_at IS NULL AND id = ANY($1)", new object?[] { leftAtKill }) > 0 && cap.Elapsed < o.Cap)
        {
            await Task.Delay(Poll);
        }

        var allLeft = sinceKill.Elapsed;
        while (Count(storage, "SELECT count(*) FROM inbox WHERE processed_at IS NULL") > 0 && cap.Elapsed < o.Cap)
        {
            await Task.Delay(Poll);
        }

        // One effect per acknowledged update: its message passed on to the clinic's inbox once, each person's in the order sent.
        var passedOn = storage.Query("SELECT doc->>'Text' FROM conversation_messages WHERE doc->>'Author' = 'person' ORDER BY id", r => r.GetString(0));
        var once = passedOn.Count == acked.Count && passedOn.Distinct(StringComparer.Ordinal).Count() == passedOn.Count && acked.Keys.All(passedOn.Contains);
        var ordered = Enumerable.Range(1, o.KillPeople).All(p =>
        {
            var mine = passedOn.Where(t => t.StartsWith(Invariant($"Сообщение {p}-"), StringComparison.Ordinal)).ToList();
            return mine.SequenceEqual(mine.OrderBy(t => int.Parse(t[(t.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)));
        });
        var chain = await AuditVerifyAsync(environment);
        var all = acked.Count == total;
        return new KillResult(takeover, orphans.Length, allLeft, leftAtKill.Length, acked.Count, total, all && once, ordered, chain);
    }

    private static async Task<bool> AuditVerifyAsync(Dictionary<string, string> environment)
    {
        var start = ChildProcess.Dotnet("pdbot.dll", "audit", "verify");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Console.Error.WriteLine("         audit verify: " + (await output).Trim() + (await error).Trim());
        return process.ExitCode == 0;
    }

    private static long Count(PgStorage storage, string sql, params object?[] args) => storage.Query(sql, r => r.GetInt64(0), args)[0];

    // Plain text the bot passes on to the clinic's inbox, unique per update.
    private static string Text(int person, int index) => Invariant($"Сообщение {person}-{index}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Throughput(long Turns, TimeSpan Elapsed, bool Done)
    {
        public double PerSecond => Turns / Elapsed.TotalSeconds;

        public string Rate => Invariant($"{PerSecond:N0}/s");

        public string Text => Done
            ? Invariant($"{PerSecond:N0}/s ({Turns:N0} in {Elapsed.TotalSeconds:0.0} s)")
            : Invariant($"> cap: {Turns:N0} in {Elapsed.TotalSeconds:0} s ({PerSecond:N1}/s)");
    }

    private sealed record KillResult(TimeSpan Takeover, int Orphans, TimeSpan AllLeft, int LeftAtKill, int Acked, int Total, bool Once, bool Ordered, bool Chain)
    {
        public bool Correct => Once && Ordered && Chain;

        public bool Met => Correct && Takeover <= TimeSpan.FromSeconds(5);

        public string Text => Invariant(
            $"dead host's {Orphans:N0} unprocessed updates done {Takeover.TotalSeconds:0.0} s after the kill; all {LeftAtKill:N0} left then, {AllLeft.TotalSeconds:0.0} s");

        public string Checks => Invariant(
            $"{Acked:N0}/{Total:N0} acked; exactly once {(Once ? "yes" : "NO")}; order {(Ordered ? "yes" : "NO")}; chain {(Chain ? "intact" : "BROKEN")}");
    }
}
