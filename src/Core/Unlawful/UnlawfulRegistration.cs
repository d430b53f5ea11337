namespace PdBot.Core.Unlawful;

/// <summary>What the console's register form gives.</summary>
public sealed record UnlawfulRegistration(string? PersonId, string? What, DateOnly? DetectedOn, long? AuthorityRequestId);
