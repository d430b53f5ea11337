using PdBot.Core.Audit;
using PdBot.Core.Authority;

namespace PdBot.Adapters.LiteDb;

/// <summary>Roskomnadzor requests in LiteDB (collection <see cref="Collection"/>).</summary>
public sealed class LiteAuthorityStore(LiteDbStorage storage, LiteAuditLog audit) : IAuthorityStore
{
    public const string Collection = "authority_requests";

    private readonly LiteCaseCollection<AuthorityRequest> _cases = new(storage, audit, Collection, r => r.Id);

    public long NextId() => _cases.NextId();

    public AuthorityRequest? Find(long id) => _cases.Find(id);

    public IReadOnlyList<AuthorityRequest> All() => _cases.All();

    public Task SaveAsync(AuthorityRequest request, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default) =>
        _cases.SaveAsync(request, [], audit);
}
