using PdBot.Core.Audit;

namespace PdBot.Adapters.PostgreSql.Copy;

/// <summary>What the copy's check found: the counts, the audit chain verified on both sides, and both chains' heads.</summary>
public sealed record PgCopyReport(
    IReadOnlyList<PgCopyCount> Counts,
    AuditVerification LiteChain,
    AuditVerification PgChain,
    (long Seq, string Hash)? LiteHead,
    (long Seq, string Hash)? PgHead)
{
    public bool HeadsEqual => LiteHead == PgHead;

    public bool IsIntact => Counts.All(c => c.Matches) && LiteChain.IsIntact && PgChain.IsIntact && HeadsEqual;
}
