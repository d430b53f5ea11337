using Npgsql;
using PdBot.Core.Audit;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// The hash-chained audit trail in PostgreSQL. An append locks the head row (<c>audit_head</c>) until its transaction
/// commits, so appends from every host and every turn are sealed in commit order into one chain, exactly as the LiteDB
/// store's single writer seals them; <see cref="Verify"/> reads the same chain the same way.
/// </summary>
public sealed class PgAuditLog(PgStorage storage) : IAuditLog
{
    private const int ReadChunk = 2048;

    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Count == 0 ? Task.CompletedTask : storage.WriteAsync(tx => AppendInAsync(tx, entries), cancellationToken);
    }

    /// <summary>Seals and inserts <paramref name="entries"/> inside <paramref name="tx"/> (a store's write); the head stays locked until it commits.</summary>
    public static async Task AppendInAsync(PgTx tx, IReadOnlyList<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var head = (await tx.QueryAsync("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE", r => (Seq: r.GetInt64(0), Hash: r.GetString(1))))[0];
        foreach (var entry in entries)
        {
            AuditChain.Seal(entry, head.Seq, head.Hash);
            await tx.ExecuteAsync(
                "INSERT INTO audit (seq, time_utc, kind, event, channel, person_id, user_id, purpose_id, actor, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)",
                entry.Seq, entry.TimeUtc, entry.Kind, entry.Event, entry.Channel, entry.PersonId, entry.UserId, entry.PurposeId, entry.Actor, PgDocuments.ToJson(entry));
            head = (entry.Seq, entry.Hash);
        }

        await tx.ExecuteAsync("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", head.Seq, head.Hash);
    }

    /// <summary>All entries in sequence order, read in chunks by the primary key (constant memory).</summary>
    public IEnumerable<AuditEntry> ReadAll() => After(0);

    public AuditVerification Verify() => VerifyFrom(0, null);

    public AuditVerification VerifyAfter(long seq, string hash) => VerifyFrom(seq, (seq, hash));

    /// <summary>
    /// The head and the entries from one snapshot (a repeatable-read transaction), so a check while hosts go on appending
    /// sees the trail as it was at one instant.
    /// </summary>
    private AuditVerification VerifyFrom(long seq, (long Seq, string Hash)? after)
    {
        using var connection = storage.Open();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        using var headCommand = PgTx.Command(connection, transaction, "SELECT seq, hash FROM audit_head WHERE id = 1", []);
        (long Seq, string Hash)? head = null;
        using (var reader = headCommand.ExecuteReader())
        {
            if (reader.Read() && reader.GetInt64(0) > 0)
            {
                head = (reader.GetInt64(0), reader.GetString(1));
            }
        }

        return StreamingChainCheck.Verify(Chunked(connection, transaction, seq), head, after);
    }

    private static IEnumerable<AuditEntry> Chunked(NpgsqlConnection connection, NpgsqlTransaction transaction, long seq)
    {
        while (true)
        {
            var chunk = new List<AuditEntry>(ReadChunk);
            using (var command = PgTx.Command(connection, transaction, "SELECT seq, doc FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2", [seq, ReadChunk]))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    chunk.Add(ToEntry(reader));
                }
            }

            foreach (var e in chunk)
            {
                yield return e;
            }

            if (chunk.Count < ReadChunk)
            {
                yield break;
            }

            seq = chunk[^1].Seq;
        }
    }

    public IEnumerable<AuditEntry> OfKind(string kind)
    {
        long after = 0;
        while (true)
        {
            var chunk = storage.Query("SELECT seq, doc FROM audit WHERE kind = $1 AND seq > $2 ORDER BY seq LIMIT $3", ToEntry, kind, after, ReadChunk);
            foreach (var e in chunk)
            {
                yield return e;
            }

            if (chunk.Count < ReadChunk)
            {
                yield break;
            }

            after = chunk[^1].Seq;
        }
    }

    /// <summary>
    /// Every filter as one SQL predicate (a filter left null is switched off by its <c>IS NULL</c>; the statement is
    /// planned with the values, so the person and kind indexes serve), walked down the primary key in chunks, newest first.
    /// </summary>
    public IEnumerable<AuditEntry> Query(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var before = query.BeforeSeq ?? long.MaxValue;
        var events = query.Events.ToArray();
        var from = AsUtc(query.FromUtc);
        var to = AsUtc(query.ToUtc);
        while (true)
        {
            var chunk = storage.Query(QuerySql, r => (Seq: r.GetInt64(0), Entry: ToEntry(r)), before, query.Kind, events, query.PurposeId, query.Channel, query.Person, query.Actor, from, to, ReadChunk);
            foreach (var (_, e) in chunk)
            {
                // The columns are copies of the document's fields; an entry edited by hand comes back "unreadable" and
                // is checked against the query as the LiteDB store checks it.
                if (query.Matches(e))
                {
                    yield return e;
                }
            }

            if (chunk.Count < ReadChunk)
            {
                yield break;
            }

            before = chunk[^1].Seq;
        }
    }

    private const string QuerySql = """
        SELECT seq, doc FROM audit
        WHERE seq < $1
          AND ($2::text IS NULL OR kind = $2)
          AND (cardinality($3::text[]) = 0 OR event = ANY ($3))
          AND ($4::text IS NULL OR purpose_id = $4)
          AND ($5::text IS NULL OR channel = $5)
          AND ($6::text IS NULL OR person_id = $6 OR user_id = $6)
          AND ($7::text IS NULL OR actor = $7)
          AND ($8::timestamptz IS NULL OR time_utc >= $8)
          AND ($9::timestamptz IS NULL OR time_utc < $9)
        ORDER BY seq DESC
        LIMIT $10
        """;

    /// <summary>Npgsql sends only UTC times to timestamptz; the query's times are UTC whatever their kind says (as the LiteDB store compares them).</summary>
    private static DateTime? AsUtc(DateTime? t) => t is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    /// <summary>The stored head (seq, hash): removing the newest entries shows against it.</summary>
    public (long Seq, string Hash)? Head()
    {
        var rows = storage.Query("SELECT seq, hash FROM audit_head WHERE id = 1", r => (r.GetInt64(0), r.GetString(1)));
        return rows.Count == 0 || rows[0].Item1 == 0 ? null : rows[0];
    }

    private IEnumerable<AuditEntry> After(long seq)
    {
        while (true)
        {
            var chunk = storage.Query("SELECT seq, doc FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2", ToEntry, seq, ReadChunk);
            foreach (var e in chunk)
            {
                yield return e;
            }

            if (chunk.Count < ReadChunk)
            {
                yield break;
            }

            seq = chunk[^1].Seq;
        }
    }

    /// <summary>A row whose document no longer maps to an entry (edited by hand) comes back "unreadable", so verification names it.</summary>
    private static AuditEntry ToEntry(NpgsqlDataReader r)
    {
        try
        {
            return PgDocuments.FromJson<AuditEntry>(r.GetString(1));
        }
        catch (Exception ex) when (ex is InvalidCastException or LiteDB.LiteException or FormatException or OverflowException)
        {
            return new AuditEntry { Seq = r.GetInt64(0), Kind = "unreadable" };
        }
    }
}
