namespace PdBot.Core.Audit;

/// <summary>The result of checking the chain: how many entries are intact and, if any, the first bad one.</summary>
public sealed record AuditVerification(long IntactCount, long? FirstBadSeq, string? Problem)
{
    public bool IsIntact => FirstBadSeq is null;

    public static AuditVerification Intact(long count) => new(count, null, null);

    public static AuditVerification Broken(long intactCount, long firstBadSeq, string problem) => new(intactCount, firstBadSeq, problem);
}
