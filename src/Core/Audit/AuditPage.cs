namespace PdBot.Core.Audit;

/// <summary>One page of a filtered audit view, newest first; <see cref="NextBeforeSeq"/> continues it, null on the last page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? NextBeforeSeq);
