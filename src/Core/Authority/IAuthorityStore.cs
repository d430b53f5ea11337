using PdBot.Core.Audit;

namespace PdBot.Core.Authority;

/// <summary>Where Roskomnadzor requests are kept.</summary>
public interface IAuthorityStore
{
    long NextId();

    AuthorityRequest? Find(long id);

    /// <summary>Every request, newest first.</summary>
    IReadOnlyList<AuthorityRequest> All();

    /// <summary>Stores the request (a new one gets the next id) with its audit entries in one transaction.</summary>
    Task SaveAsync(AuthorityRequest request, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default);
}
