using PdBot.Core.Audit;

namespace PdBot.Adapters.Backup;

/// <summary>What checking a copy found: what it holds, and the first problem (Russian, for people) when it is not usable.</summary>
public sealed record BackupReport(long Persons, long Consents, long Documents, AuditVerification? Chain, string? Problem, TimeSpan Took)
{
    public bool IsIntact => Problem is null;

    public long AuditEntries => Chain?.IntactCount ?? 0;

    public static BackupReport Failed(string problem, TimeSpan took, AuditVerification? chain = null) => new(0, 0, 0, chain, problem, took);
}
