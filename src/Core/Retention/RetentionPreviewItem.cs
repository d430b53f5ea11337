namespace PdBot.Core.Retention;

/// <summary>One line of <c>pdbot retention preview</c>: what the job will do with one withdrawal and when.</summary>
public sealed record RetentionPreviewItem(long RequestId, string PersonId, string PurposeTitle, string Reason, DateOnly Due, DestructionPlan Plan);
