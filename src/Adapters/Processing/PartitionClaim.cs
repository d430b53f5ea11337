using PdBot.Core.Inbox;

namespace PdBot.Adapters.Processing;

/// <summary>
/// A person's partition claimed for one turn: while it is held no other host runs a turn of that person. Disposing
/// it releases the claim (a store's claim that was not committed is rolled back).
/// </summary>
public class PartitionClaim : IAsyncDisposable
{
    private static readonly PartitionClaim DoneClaim = new(ClaimOutcome.Done, null);
    private static readonly PartitionClaim BusyClaim = new(ClaimOutcome.Busy, null);

    protected PartitionClaim(ClaimOutcome outcome, InboxItem? item) => (Outcome, Item) = (outcome, item);

    public ClaimOutcome Outcome { get; }

    /// <summary>
    /// For <see cref="ClaimOutcome.Run"/>: the update to run now, the person's oldest unprocessed one. Usually the
    /// update asked about; an older one of the same person when another host stored it and has not processed it.
    /// </summary>
    public InboxItem? Item { get; }

    /// <summary>Run <paramref name="item"/>: nothing to coordinate with (one process owns the store).</summary>
    public static PartitionClaim Run(InboxItem item) => new(ClaimOutcome.Run, item);

    public static PartitionClaim Done() => DoneClaim;

    public static PartitionClaim Busy() => BusyClaim;

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;
}
