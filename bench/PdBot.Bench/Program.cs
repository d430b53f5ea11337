using System.Globalization;
using PdBot.Bench;

// Measures consent events written per second to a real LiteDB file: group commit vs one transaction per event.
// `console [--events N] [--runs R]` measures the admin console's consent log page instead.
// `webhook [--quick]` measures the real host's webhook and processing loop against a fake Telegram API;
// `webhook --store postgres --hosts 2` real hosts on LiteDB and PostgreSQL (one and two hosts), and a kill -9 of one;
// `mailing --recipients N` sends a mailing through the real senders against fake Telegram and VK APIs;
// `verify --entries N` the audit check of a long trail; `idle --persons N` the idle host's memory;
// `backup --persons N` backup, check and restore of a store with N persons.

// The hosts measured here (in-process and child processes) run in Production on throwaway unencrypted stores.
Environment.SetEnvironmentVariable("Storage__AllowUnencrypted", "true");
if (args.Length > 0 && args[0] == "webhook" && args.Contains("--store")) return await PdBot.Bench.Hosts.HostsBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "webhook") return await PdBot.Bench.Webhook.WebhookBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "mailing") return await PdBot.Bench.Mailing.MailingBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "verify") return await VerifyBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "backup") return await BackupBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "idle") return await IdleBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "empty-host") return await IdleBench.RunEmptyHostAsync();
if (args.Length > 0 && args[0] == "console")
{
    var consoleOptions = BenchOptions.Parse(args[1..]);
    if (consoleOptions is null)
    {
        Console.Error.WriteLine(BenchOptions.Usage);
        return 2;
    }

    using var consoleTemp = new TempDirectory();
    return await ConsoleBench.RunAsync(consoleOptions.Events, consoleOptions.Runs, consoleTemp.Path);
}

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var temp = new TempDirectory();
Console.WriteLine($"LiteDB files in {temp.Path}");

// A short unreported round first, so neither measured run pays for JIT and first-open costs.
await GroupCommitBench.RunAsync(temp.File("warmup-group.db"), 1000, options.Concurrency);
NaiveBench.Run(temp.File("warmup-naive.db"), 200);

BenchResult[] results =
[
    await GroupCommitBench.RunAsync(temp.File("group.db"), options.Events, options.Concurrency),
    NaiveBench.Run(temp.File("naive.db"), options.NaiveEvents),
];

if (options.NaiveEvents < options.Events)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"naive mode capped at {options.NaiveEvents} events (of {options.Events}) to keep the run short"));
}

Console.WriteLine();
ResultTable.Print(results, Console.Out);

// A figure without its full, intact audit chain is not a real figure: fail the run.
return results.All(r => r.IsReal) ? 0 : 1;
