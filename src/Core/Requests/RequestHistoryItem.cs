namespace PdBot.Core.Requests;

/// <summary>One step in a request's life: when, what, who and why.</summary>
public sealed record RequestHistoryItem(DateTime TimeUtc, string Action, string Actor, string? Note = null);
