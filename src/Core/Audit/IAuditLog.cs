namespace PdBot.Core.Audit;

/// <summary>The append-only audit trail.</summary>
public interface IAuditLog
{
    /// <summary>Appends entries in order; completes only once they are committed to storage.</summary>
    Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>All entries in sequence order.</summary>
    IEnumerable<AuditEntry> ReadAll();

    AuditVerification Verify();

    /// <summary>
    /// Checks only the entries after <paramref name="seq"/>, an entry an earlier check found intact with <paramref name="hash"/>:
    /// the first must link to it (an hourly check need not re-read the whole trail).
    /// </summary>
    AuditVerification VerifyAfter(long seq, string hash) =>
        StreamingChainCheck.Verify(ReadAll().SkipWhile(e => e.Seq <= seq), null, (seq, hash));

    /// <summary>Entries of one kind in sequence order, read lazily in constant memory (a check walks them after <see cref="Verify"/>).</summary>
    IEnumerable<AuditEntry> OfKind(string kind) => ReadAll().Where(e => e.Kind == kind);

    /// <summary>Matching entries, newest first, read lazily (an export streams them all).</summary>
    IEnumerable<AuditEntry> Query(AuditQuery query);

    /// <summary>One page of <see cref="Query"/>, with the cursor of the next page.</summary>
    AuditPage Page(AuditQuery query, int size)
    {
        ArgumentNullException.ThrowIfNull(query);
        var entries = Query(query).Take(size + 1).ToList();
        return entries.Count > size ? new AuditPage(entries[..size], entries[size - 1].Seq) : new AuditPage(entries, null);
    }
}
