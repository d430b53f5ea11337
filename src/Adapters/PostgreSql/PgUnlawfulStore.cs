using PdBot.Core.Audit;
using PdBot.Core.Outbox;
using PdBot.Core.Unlawful;

namespace PdBot.Adapters.PostgreSql;

/// <summary>Operator-found unlawful processing cases in PostgreSQL (table <see cref="Table"/>).</summary>
public sealed class PgUnlawfulStore(PgStorage storage) : IUnlawfulStore
{
    public const string Table = "unlawful_cases";

    private readonly PgCaseTable<UnlawfulCase> _cases = new(storage, Table, c => c.Id, (c, id) => c.Id = id, c => c.PersonId);

    /// <summary>The table's rows, for the copy from LiteDB.</summary>
    public PgCaseTable<UnlawfulCase> Cases => _cases;

    public long NextId() => _cases.NextId();

    public UnlawfulCase? Find(long id) => _cases.Find(id);

    public IReadOnlyList<UnlawfulCase> All() => _cases.All();

    public Task SaveAsync(UnlawfulCase @case, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default) =>
        _cases.SaveAsync(@case, outgoing, audit, cancellationToken);
}
