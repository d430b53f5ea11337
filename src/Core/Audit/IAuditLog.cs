namespace PdBot.Core.Audit;

/// <summary>The append-only audit trail.</summary>
public interface IAuditLog
{
    /// <summary>Appends entries in order; completes only once they are committed to storage.</summary>
    Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>All entries in sequence order.</summary>
    IEnumerable<AuditEntry> ReadAll();

    AuditVerification Verify();
}
