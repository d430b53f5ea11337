namespace PdBot.Adapters.Processing;

/// <summary>What claiming a person's partition found (<see cref="IPartitionClaims.ClaimAsync"/>).</summary>
public enum ClaimOutcome
{
    /// <summary>Claimed: run <see cref="PartitionClaim.Item"/> now.</summary>
    Run,

    /// <summary>The update is already processed (by another host): drop it here, with no effect.</summary>
    Done,

    /// <summary>Another host holds the person's partition longer than a claim waits: try again a little later.</summary>
    Busy,
}
