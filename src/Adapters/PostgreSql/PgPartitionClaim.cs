using Npgsql;
using PdBot.Adapters.Processing;
using PdBot.Core.Inbox;

namespace PdBot.Adapters.PostgreSql;

/// <summary>A person's partition claimed on the database: the open transaction holding the advisory lock, in which the turn commits.</summary>
internal sealed class PgPartitionClaim(PgPartitionClaims owner, InboxItem item, NpgsqlConnection connection, NpgsqlTransaction transaction)
    : PartitionClaim(ClaimOutcome.Run, item)
{
    private int _used;

    /// <summary>Runs <paramref name="work"/> in the claim's transaction and commits it; a claim commits once.</summary>
    public async Task CommitAsync(Func<PgTx, Task> work, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _used, 1) != 0)
        {
            throw new InvalidOperationException("A partition claim commits one turn only.");
        }

        await work(new PgTx(connection, transaction));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Still open for its turn's commit.</summary>
    public bool Open => Volatile.Read(ref _used) == 0;

    protected override async ValueTask DisposeAsyncCore()
    {
        await owner.ForgetAsync(this, connection, transaction);
        await base.DisposeAsyncCore();
    }
}
