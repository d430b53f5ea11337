using PdBot.Core.Inbox;

namespace PdBot.Adapters.Processing;

/// <summary>
/// Claims a person's partition across every host processing the same store. One host alone (LiteDB:
/// <see cref="LocalPartitionClaims"/>) needs nothing beyond its in-memory partitions; several hosts on one database
/// claim the person there, so one person's updates run one at a time and in order wherever they were received, and
/// each runs once.
/// </summary>
public interface IPartitionClaims
{
    /// <summary>How often to look for updates other hosts stored and did not process (null: never, nobody else stores any).</summary>
    TimeSpan? PollInterval { get; }

    /// <summary>
    /// Claims the partition of <paramref name="head"/> (its person, or the update alone) before its turn runs. The
    /// turn's commit (<see cref="ITurnTransactions.CommitAsync"/>) happens under the claim; dispose it afterwards.
    /// </summary>
    Task<PartitionClaim> ClaimAsync(InboxItem head, CancellationToken cancellationToken);

    /// <summary>
    /// Unprocessed updates of <paramref name="channel"/> this host does not know (<paramref name="known"/> by id) and
    /// that waited long enough to be left over: stored by a host that stopped or is behind, oldest first.
    /// </summary>
    Task<IReadOnlyList<InboxItem>> StrandedAsync(string channel, Func<string, bool> known, CancellationToken cancellationToken);
}
