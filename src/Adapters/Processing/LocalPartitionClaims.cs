using PdBot.Core.Inbox;

namespace PdBot.Adapters.Processing;

/// <summary>One process owns the store (LiteDB): its in-memory partitions are the whole truth, so every claim succeeds at once.</summary>
public sealed class LocalPartitionClaims : IPartitionClaims
{
    public static readonly LocalPartitionClaims Instance = new();

    public TimeSpan? PollInterval => null;

    public Task<PartitionClaim> ClaimAsync(InboxItem head, CancellationToken cancellationToken) => Task.FromResult(PartitionClaim.Run(head));

    public Task<IReadOnlyList<InboxItem>> StrandedAsync(string channel, Func<string, bool> known, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InboxItem>>([]);
}
