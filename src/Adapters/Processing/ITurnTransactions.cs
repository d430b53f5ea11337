using PdBot.Core.Inbox;
using PdBot.Core.Outbox;

namespace PdBot.Adapters.Processing;

/// <summary>
/// One transaction per conversation turn: what the turn wrote through the stores, its replies and the "processed"
/// mark of its update commit together (shared with other turns by group commit), so a crash never re-runs a
/// committed turn and never sends its replies twice.
/// </summary>
public interface ITurnTransactions
{
    /// <summary>From here on, writes of this async flow are held for <see cref="CommitAsync"/>; dispose drops them (a failed turn).</summary>
    IDisposable Begin();

    /// <summary>Commits the held writes, <paramref name="replies"/> (ids assigned) and <paramref name="processed"/> as processed, in one transaction.</summary>
    Task CommitAsync(IDisposable turn, IReadOnlyList<InboxItem> processed, IReadOnlyList<OutboxMessage> replies, CancellationToken cancellationToken);
}
