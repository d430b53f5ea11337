namespace PdBot.Bot.Cli;

/// <summary>The services a verb runs with; disposing ends only what the verb built itself, never the running host.</summary>
public sealed class CliServices(IServiceProvider services, IDisposable? owned) : IDisposable
{
    public IServiceProvider Services { get; } = services;

    /// <summary>The running host's services: its start-up work is done and its workers run on their own schedule.</summary>
    public bool IsLive => owned is null;

    public void Dispose() => owned?.Dispose();
}
