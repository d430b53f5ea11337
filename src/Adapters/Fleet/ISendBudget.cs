namespace PdBot.Adapters.Fleet;

/// <summary>
/// A platform token's calls per second shared by every host of the deployment (on top of each host's own pace). Each
/// call to the platform takes one permit.
/// </summary>
public interface ISendBudget
{
    /// <summary>Takes a permit for a call made now and returns zero, or takes nothing and returns how long to wait.</summary>
    ValueTask<TimeSpan> TryTakeAsync(CancellationToken cancellationToken);
}
