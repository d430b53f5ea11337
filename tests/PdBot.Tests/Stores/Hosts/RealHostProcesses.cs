namespace PdBot.Tests.Stores.Hosts;

/// <summary>
/// Tests that run several real host processes against one PostgreSQL database and time a takeover: they run alone,
/// after the parallel tests, so the hosts' heartbeats and polls are not starved by a busy machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealHostProcesses
{
    public const string Name = "Real host processes on one PostgreSQL database";
}
