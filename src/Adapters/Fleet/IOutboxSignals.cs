namespace PdBot.Adapters.Fleet;

/// <summary>
/// Tells the host that sends a channel's messages (<see cref="DeploymentJobs.Outbox"/>) that another host wrote some
/// to the outbox, so it reads them now rather than at its next periodic read.
/// </summary>
public interface IOutboxSignals
{
    /// <summary>Messages of <paramref name="channel"/> were committed here and another host sends them.</summary>
    void Written(string channel);
}
