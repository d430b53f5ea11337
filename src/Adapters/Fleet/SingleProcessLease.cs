namespace PdBot.Adapters.Fleet;

/// <summary>One process owns the store (LiteDB): it holds every job.</summary>
public sealed class SingleProcessLease : IDeploymentLease
{
    public static SingleProcessLease Instance { get; } = new();

    public bool Holds(string job) => true;

    public ValueTask<bool> TryHoldAsync(string job, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
