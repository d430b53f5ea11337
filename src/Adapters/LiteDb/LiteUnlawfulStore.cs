using PdBot.Core.Audit;
using PdBot.Core.Outbox;
using PdBot.Core.Unlawful;

namespace PdBot.Adapters.LiteDb;

/// <summary>Operator-found unlawful processing cases in LiteDB (collection <see cref="Collection"/>).</summary>
public sealed class LiteUnlawfulStore(LiteDbStorage storage, LiteAuditLog audit) : IUnlawfulStore
{
    public const string Collection = "unlawful_cases";

    private readonly LiteCaseCollection<UnlawfulCase> _cases = new(storage, audit, Collection, c => c.Id);

    public long NextId() => _cases.NextId();

    public UnlawfulCase? Find(long id) => _cases.Find(id);

    public IReadOnlyList<UnlawfulCase> All() => _cases.All();

    public Task SaveAsync(UnlawfulCase @case, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default) =>
        _cases.SaveAsync(@case, outgoing, audit);
}
