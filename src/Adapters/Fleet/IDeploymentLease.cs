namespace PdBot.Adapters.Fleet;

/// <summary>
/// Which host runs a once-per-deployment job (a daily sweep, the mailings, a channel's sender or poller). With one
/// process (LiteDB) it always holds; with several hosts on PostgreSQL exactly one host holds a job at a time, and a
/// host that dies loses it within seconds. Workers ask on every tick and skip the round when they do not hold.
/// </summary>
public interface IDeploymentLease
{
    /// <summary>Whether this host holds <paramref name="job"/> now, from what it knows (no I/O): for checks between calls.</summary>
    bool Holds(string job);

    /// <summary>Holds <paramref name="job"/> if it is free or already this host's, asking the store when the answer is not fresh.</summary>
    ValueTask<bool> TryHoldAsync(string job, CancellationToken cancellationToken);
}
