using System.Globalization;
using LiteDB;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;
using PdBot.Core.Leads;
using PdBot.Core.Outbox;
using PdBot.Core.Requests;

namespace PdBot.Adapters.PostgreSql;

/// <summary>Consultation requests in PostgreSQL (the twin of <see cref="LiteLeadStore"/>); a turn's writes commit with the turn.</summary>
public sealed class PgLeadStore(PgStorage storage, TimeProvider time) : ILeadStore, IPgPersonDataEraser, IPgCopyTarget
{
    public const string Leads = LiteLeadStore.Leads;

    private const string Upsert = """
        INSERT INTO leads (id, person_id, state, destroyed_at_utc, doc) VALUES ($1, $2, $3, $4, $5::jsonb)
        ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, state = EXCLUDED.state, destroyed_at_utc = EXCLUDED.destroyed_at_utc, doc = EXCLUDED.doc
        """;

    private const string DeletedMark = "(deleted)";

    public long NextId() => storage.NextId("leads_seq");

    public Lead? Find(long id) =>
        PgTurnWrites.Current?.Written<Lead>(Leads).FirstOrDefault(l => l.Id == id) is { } written
            ? (Deleted(written) ? null : written)
            : storage.Documents<Lead>("SELECT doc FROM leads WHERE id = $1", id).FirstOrDefault();

    public IReadOnlyList<Lead> OfPerson(string personId) =>
        [.. PgTurnWrites.Overlay(Leads, storage.Documents<Lead>("SELECT doc FROM leads WHERE person_id = $1", personId), Key, l => l.PersonId == personId)
            .Where(l => !Deleted(l)).OrderByDescending(l => l.Id)];

    public IReadOnlyList<Lead> List(LeadState? state) =>
        [.. (state is { } s
                ? storage.Documents<Lead>("SELECT doc FROM leads WHERE state = $1 ORDER BY id DESC", s.ToString())
                : storage.Documents<Lead>("SELECT doc FROM leads ORDER BY id DESC"))
            .Where(l => l.State != LeadState.Filling)];

    public IReadOnlyList<Lead> WithPersonalData() =>
        storage.Documents<Lead>("SELECT doc FROM leads WHERE destroyed_at_utc IS NULL ORDER BY id");

    public Task SaveAsync(Lead lead, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(outgoing);
        ArgumentNullException.ThrowIfNull(audit);
        if (lead.Id == 0)
        {
            lead.Id = NextId();
        }

        PgTurnWrites.Current?.Remember(Leads, Key(lead), lead);
        return storage.WriteAsync(async tx =>
        {
            await WriteAsync(tx, lead);
            await PgRequestStore.InsertOutboxAsync(tx, outgoing);
            await PgAuditLog.AppendInAsync(tx, audit);
        }, cancellationToken);
    }

    public Task DeleteAsync(Lead lead, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(audit);

        // Later reads in the same turn must not find it: a deleted draft is remembered as gone.
        PgTurnWrites.Current?.Remember(Leads, Key(lead), new Lead { Id = lead.Id, PersonId = lead.PersonId, Channel = DeletedMark });
        var id = lead.Id;
        return storage.WriteAsync(async tx =>
        {
            await tx.ExecuteAsync("DELETE FROM leads WHERE id = $1", id);
            await PgAuditLog.AppendInAsync(tx, audit);
        }, cancellationToken);
    }

    /// <summary>The person's requests lose their personal data (whatever else a contract keeps); unsent forms go.</summary>
    public async Task EraseAsync(PgTx tx, PersonErasure erasure)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(erasure);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var lead in await tx.DocumentsAsync<Lead>("SELECT doc FROM leads WHERE person_id = $1 ORDER BY id FOR UPDATE", erasure.PersonId))
        {
            if (lead.State == LeadState.Filling)
            {
                await tx.ExecuteAsync("DELETE FROM leads WHERE id = $1", lead.Id);
                continue;
            }

            lead.DestroyWithPerson(now);

            await WriteAsync(tx, lead);
        }
    }

    public IReadOnlyDictionary<string, string?> Tables { get; } = new Dictionary<string, string?> { [Leads] = "leads" };

    public async Task CopyAsync(LiteDatabase source, PgTx tx)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tx);
        var leads = PgPurposeCopy.All<Lead>(source, Leads);
        foreach (var (lead, json) in leads)
        {
            await WriteAsync(tx, lead, json);
        }

        await PgPurposeCopy.SetSequenceAsync(source, tx, "leads_seq", Leads, leads.Select(l => l.Entity.Id).DefaultIfEmpty().Max());
    }

    private static Task<int> WriteAsync(PgTx tx, Lead lead, string? json = null) =>
        tx.ExecuteAsync(Upsert, lead.Id, lead.PersonId, lead.State.ToString(), PgTime.Utc(lead.DestroyedAtUtc), json ?? PgDocuments.ToJson(lead));

    private static bool Deleted(Lead l) => l.Channel == DeletedMark;

    private static string Key(Lead l) => l.Id.ToString(CultureInfo.InvariantCulture);
}
