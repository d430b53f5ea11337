using System.Globalization;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Outbox;
using PdBot.Core.People;
using PdBot.Core.Requests;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// Subject requests and the outbox in PostgreSQL (the twin of <see cref="LiteRequestStore"/>): a request, its audit
/// entries and its answer commit in one transaction, and a destruction runs every <see cref="IPgPersonDataEraser"/>
/// inside that same transaction. Request and outbox ids come from sequences, so every host hands out its own.
/// </summary>
public sealed class PgRequestStore(PgStorage storage, IEnumerable<IPgPersonDataEraser> erasers) : IRequestStore, IOutbox
{
    public const string Requests = "requests";
    public const string Outbox = "outbox";
    public const string RequestSequence = "requests_seq";
    public const string OutboxSequence = "outbox_seq";

    private const string UpsertRequest =
        "INSERT INTO requests (id, person_id, state, is_open, doc) VALUES ($1, $2, $3, $4, $5::jsonb) " +
        "ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, state = excluded.state, is_open = excluded.is_open, doc = excluded.doc";

    private const string InsertMessage =
        "INSERT INTO outbox (id, channel, kind, request_id, dedupe_key, created_at, sent_at, failed_at, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)";

    private const string UpdateMessage =
        "UPDATE outbox SET channel = $2, kind = $3, request_id = $4, dedupe_key = $5, created_at = $6, sent_at = $7, failed_at = $8, doc = $9::jsonb WHERE id = $1";

    private readonly IPgPersonDataEraser[] _erasers = [.. erasers];

    public SubjectRequest? Find(long id) =>
        PgTurnWrites.Current?.Written<SubjectRequest>(Requests).FirstOrDefault(r => r.Id == id)
        ?? storage.Documents<SubjectRequest>("SELECT doc FROM requests WHERE id = $1", id).FirstOrDefault();

    public IReadOnlyList<SubjectRequest> OfPerson(string personId) =>
        PgTurnWrites.Overlay(Requests, storage.Documents<SubjectRequest>("SELECT doc FROM requests WHERE person_id = $1 ORDER BY id", personId),
            r => r.Id.ToString(CultureInfo.InvariantCulture), r => r.PersonId == personId);

    public IReadOnlyList<SubjectRequest> All() => storage.Documents<SubjectRequest>("SELECT doc FROM requests ORDER BY id");

    public IReadOnlyList<SubjectRequest> Open() => storage.Documents<SubjectRequest>("SELECT doc FROM requests WHERE is_open ORDER BY id");

    public Task SaveAsync(SubjectRequest request, IReadOnlyList<AuditEntry> entries, IReadOnlyList<OutboxMessage> outgoing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(entries);
        if (request.Id == 0)
        {
            request.Id = storage.NextId(RequestSequence);
        }

        RememberRequest(request);
        return storage.WriteAsync(async tx =>
        {
            await UpsertRequestAsync(tx, request);
            foreach (var e in entries)
            {
                e.Detail ??= $"request {request.Id}";
            }

            await WriteAsync(tx, outgoing, entries);
        }, cancellationToken);
    }

    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default) =>
        storage.WriteAsync(tx => WriteAsync(tx, outgoing, entries), cancellationToken);

    public IReadOnlyList<OutboxMessage> Pending(string channel) =>
        storage.Documents<OutboxMessage>("SELECT doc FROM outbox WHERE channel = $1 AND sent_at IS NULL AND failed_at IS NULL ORDER BY id", channel);

    public IReadOnlyList<OutboxMessage> OutboxOfRequests(IReadOnlyCollection<long> requestIds)
    {
        ArgumentNullException.ThrowIfNull(requestIds);
        return requestIds.Count == 0
            ? []
            : storage.Documents<OutboxMessage>("SELECT doc FROM outbox WHERE request_id = ANY($1) ORDER BY id", requestIds.ToArray());
    }

    public Task MarkSentAsync(OutboxMessage message, DateTime sentAtUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.SentAtUtc = sentAtUtc;

        // Once delivered, the recipient's chat id is no longer needed here.
        message.ChatId = "";
        return storage.WriteAsync(async tx =>
        {
            await UpdateOutboxAsync(tx, message);
            if (message.Kind == OutboxKind.RequestAnswer && message.RequestId is { } id
                && (await tx.DocumentsAsync<SubjectRequest>("SELECT doc FROM requests WHERE id = $1 FOR UPDATE", id)) is [var r])
            {
                r.AnswerDeliveredAtUtc = sentAtUtc;
                r.History.Add(new RequestHistoryItem(sentAtUtc, RequestAction.AnswerDelivered, Actors.System));
                await UpsertRequestAsync(tx, r);
            }
        }, cancellationToken);
    }

    public Task MarkDeliveredAsync(OutboxMessage message, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Kind != OutboxKind.TurnReply
            ? MarkSentAsync(message, atUtc, cancellationToken)
            : storage.WriteAsync(tx => tx.ExecuteAsync("DELETE FROM outbox WHERE id = $1", message.Id), cancellationToken);
    }

    public Task MarkInFlightAsync(OutboxMessage message, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.InFlightAtUtc = atUtc;
        return storage.WriteAsync(tx => UpdateOutboxAsync(tx, message), cancellationToken);
    }

    public Task RescheduleAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return storage.WriteAsync(tx => UpdateOutboxAsync(tx, message), cancellationToken);
    }

    public Task SetAsideAsync(OutboxMessage message, string error, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        (message.FailedAtUtc, message.LastError) = (atUtc, error);
        if (message.Kind == OutboxKind.TurnReply)
        {
            // Nobody will send it: the person's chat id and the text are not kept for nothing.
            (message.ChatId, message.Text, message.Buttons) = ("", "", null);
        }

        return storage.WriteAsync(tx => UpdateOutboxAsync(tx, message), cancellationToken);
    }

    public Task CommitAsync(RequestChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var r in changes.Requests.Where(r => r.Id == 0))
        {
            r.Id = storage.NextId(RequestSequence);
        }

        changes.Requests.ForEach(RememberRequest);
        PgConsentStore.Remember(changes.Person, changes.Consents);

        return storage.WriteAsync(async tx =>
        {
            foreach (var r in changes.Requests)
            {
                await UpsertRequestAsync(tx, r);
            }

            if (changes.Person is { } person)
            {
                await PgConsentStore.UpsertPersonAsync(tx, person);
            }

            await PgConsentStore.UpsertConsentsAsync(tx, changes.Consents);

            // The audit entries go in first, so erasure strips their ids too (the salted digests stay, the chain verifies).
            await WriteAsync(tx, changes.Outgoing, changes.Audit);
            if (changes.Erasure is { } erasure)
            {
                // The purpose stores first, while the person's platform ids are still there to find their data by (the inbox).
                foreach (var eraser in _erasers)
                {
                    await eraser.EraseAsync(tx, erasure);
                }

                await EraseAsync(tx, erasure, changes.Person?.Id == erasure.PersonId ? changes.Person : null);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Queues messages for the senders inside the caller's transaction: any store may send with what it saves. A message
    /// without an id takes the next one of the outbox sequence.
    /// </summary>
    public static async Task InsertOutboxAsync(PgTx tx, IReadOnlyList<OutboxMessage> outgoing)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(outgoing);
        foreach (var m in outgoing)
        {
            if (m.Id == 0)
            {
                m.Id = Convert.ToInt64(await tx.ScalarAsync("SELECT nextval($1::regclass)", OutboxSequence), CultureInfo.InvariantCulture);
            }

            await tx.ExecuteAsync(InsertMessage, MessageRow(m));
        }
    }

    /// <summary>Stores the message as it is over its row (a message deleted meanwhile stays deleted).</summary>
    public static Task UpdateOutboxAsync(PgTx tx, OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return tx.ExecuteAsync(UpdateMessage, MessageRow(message));
    }

    /// <summary>Inserts or replaces a request's row inside the caller's transaction.</summary>
    public static Task UpsertRequestAsync(PgTx tx, SubjectRequest request)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(request);
        return tx.ExecuteAsync(UpsertRequest, request.Id, request.PersonId, request.State.ToString(), request.IsOpen, PgDocuments.ToJson(request));
    }

    /// <summary>
    /// Destruction inside the caller's transaction: documents and statements in the person's requests always; with
    /// <see cref="PersonErasure.Identifiers"/> also the platform ids (the pseudonymous id stays) and the ids in the
    /// audit trail (which keeps only salted digests, so the chain still verifies).
    /// </summary>
    private static async Task EraseAsync(PgTx tx, PersonErasure erasure, Person? changed)
    {
        foreach (var r in await tx.DocumentsAsync<SubjectRequest>("SELECT doc FROM requests WHERE person_id = $1 FOR UPDATE", erasure.PersonId))
        {
            r.ForgetIdentity();
            (r.Relation, r.Statement) = (null, null);
            await UpsertRequestAsync(tx, r);
        }

        if (!erasure.Identifiers)
        {
            return;
        }

        // The last guard: nobody with a consent in force loses their identifiers (the transaction is rolled back).
        var inForce = await tx.ScalarAsync(
            "SELECT EXISTS (SELECT 1 FROM consents WHERE person_id = $1 AND state = ANY($2))",
            erasure.PersonId, new[] { nameof(ConsentState.Given), nameof(ConsentState.NeedsRenewal) });
        if (inForce is true)
        {
            throw new InvalidOperationException("Erasure refused: the person has a consent in force.");
        }

        var person = changed ?? (await tx.DocumentsAsync<Person>("SELECT doc FROM people WHERE id = $1 FOR UPDATE", erasure.PersonId)).FirstOrDefault();
        if (person is not null)
        {
            person.Key = "erased:" + person.Id;
            person.PlatformUserId = "";
            person.ChatId = "";
            person.Unreachable = true;
            await PgConsentStore.UpsertPersonAsync(tx, person);
        }

        foreach (var e in await tx.DocumentsAsync<AuditEntry>("SELECT doc FROM audit WHERE person_id = $1 AND user_id IS NOT NULL ORDER BY seq FOR UPDATE", erasure.PersonId))
        {
            (e.UserId, e.UserSalt) = (null, null);
            await tx.ExecuteAsync("UPDATE audit SET user_id = NULL, doc = $2::jsonb WHERE seq = $1", e.Seq, PgDocuments.ToJson(e));
        }
    }

    private static void RememberRequest(SubjectRequest r) =>
        PgTurnWrites.Current?.Remember(Requests, r.Id.ToString(CultureInfo.InvariantCulture), r);

    private static async Task WriteAsync(PgTx tx, IReadOnlyList<OutboxMessage> outgoing, IReadOnlyList<AuditEntry> entries)
    {
        await InsertOutboxAsync(tx, outgoing);
        await PgAuditLog.AppendInAsync(tx, entries);
    }

    private static object?[] MessageRow(OutboxMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return [m.Id, m.Channel, m.Kind, m.RequestId, m.DedupeKey, PgTime.Utc(m.CreatedAtUtc), PgTime.Utc(m.SentAtUtc), PgTime.Utc(m.FailedAtUtc), PgDocuments.ToJson(m)];
    }
}
