using PdBot.Core.Audit;
using PdBot.Core.Authority;

namespace PdBot.Adapters.PostgreSql;

/// <summary>Roskomnadzor requests in PostgreSQL (table <see cref="Table"/>).</summary>
public sealed class PgAuthorityStore(PgStorage storage) : IAuthorityStore
{
    public const string Table = "authority_requests";

    private readonly PgCaseTable<AuthorityRequest> _cases = new(storage, Table, r => r.Id, (r, id) => r.Id = id, r => r.PersonId);

    /// <summary>The table's rows, for the copy from LiteDB.</summary>
    public PgCaseTable<AuthorityRequest> Cases => _cases;

    public long NextId() => _cases.NextId();

    public AuthorityRequest? Find(long id) => _cases.Find(id);

    public IReadOnlyList<AuthorityRequest> All() => _cases.All();

    public Task SaveAsync(AuthorityRequest request, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default) =>
        _cases.SaveAsync(request, [], audit, cancellationToken);
}
