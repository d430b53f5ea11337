namespace PdBot.Bench.Hosts;

/// <summary>
/// <c>webhook --store postgres --hosts 2 [--quick]</c>: sizes of the several-hosts bench. Turns are greetings from
/// distinct people; the kill run has people writing several messages each, so their order can be checked.
/// </summary>
internal sealed record HostsBenchOptions(bool Quick, int Hosts, int Greetings, int KillPeople, int KillEach, TimeSpan Cap)
{
    public const int Connections = 32;

    public const string Usage = "usage: pdbot-bench webhook --store postgres --hosts 2 [--quick]";

    public static HostsBenchOptions? Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var rest = args.Where(a => a != "--quick").ToArray();
        return rest switch
        {
            ["--store", "postgres", "--hosts", "2"] or ["--hosts", "2", "--store", "postgres"] =>
                quick ? new(true, 2, 1_000, 100, 4, TimeSpan.FromSeconds(60)) : new(false, 2, 6_000, 400, 5, TimeSpan.FromSeconds(180)),
            _ => null,
        };
    }
}
