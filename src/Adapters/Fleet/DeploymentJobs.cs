namespace PdBot.Adapters.Fleet;

/// <summary>The names of the once-per-deployment jobs (<see cref="IDeploymentLease"/>).</summary>
public static class DeploymentJobs
{
    public const string Retention = "retention";
    public const string ChainCheck = "chain-check";
    public const string IncidentClock = "incident-clock";
    public const string AuthorityClock = "authority-clock";
    public const string Backup = "backup";
    public const string Mailings = "mailings";
    public const string Callbacks = "callbacks";

    /// <summary>How often a loop that does not hold its job asks again.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    /// <summary>The channel's outbox sender: one host sends a channel's messages, so each goes once and a chat's stay in order.</summary>
    public static string Outbox(string channel) => "outbox:" + channel;

    /// <summary>The channel's getUpdates / Long Poll loop: a platform serves one stream to one poller.</summary>
    public static string Poll(string channel) => "poll:" + channel;
}
