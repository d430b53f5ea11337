using PdBot.Core.Audit;
using PdBot.Core.Incidents;
using PdBot.Core.Outbox;

namespace PdBot.Adapters.PostgreSql;

/// <summary>Incidents in PostgreSQL (table <see cref="Incidents"/>); a chat report's candidate commits with its turn.</summary>
public sealed class PgIncidentStore(PgStorage storage) : IIncidentStore
{
    public const string Incidents = "incidents";

    private readonly PgCaseTable<Incident> _incidents = new(storage, Incidents, i => i.Id, (i, id) => i.Id = id, personId: null);

    /// <summary>The table's rows, for the copy from LiteDB.</summary>
    public PgCaseTable<Incident> Cases => _incidents;

    public long NextId() => _incidents.NextId();

    public long NextOutboxId() => storage.NextId(PgRequestStore.OutboxSequence);

    public Incident? Find(long id) => _incidents.Find(id);

    public IReadOnlyList<Incident> List() => _incidents.All();

    public Task SaveAsync(Incident incident, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default) =>
        _incidents.SaveAsync(incident, outgoing, audit, cancellationToken);

    /// <summary>The messages in the order of <paramref name="ids"/>; those no longer stored (delivered and deleted) are missing.</summary>
    public IReadOnlyList<OutboxMessage> OutboxMessages(IReadOnlyCollection<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var found = storage.Documents<OutboxMessage>("SELECT doc FROM outbox WHERE id = ANY($1)", ids.ToArray()).ToDictionary(m => m.Id);
        return [.. ids.Select(id => found.GetValueOrDefault(id)).OfType<OutboxMessage>()];
    }
}
