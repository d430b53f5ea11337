namespace PdBot.Core.Authority;

/// <summary>What the console's register form gives.</summary>
public sealed record AuthorityRegistration(DateOnly? ReceivedOn, string? IncomingNumber, string? Subject, string? PersonId, string? Note);
