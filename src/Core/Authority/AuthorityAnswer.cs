namespace PdBot.Core.Authority;

/// <summary>How an authority request was answered: the date, the way and the clinic's outgoing number.</summary>
public sealed record AuthorityAnswer(DateOnly? AnsweredOn, string? Method, string? OutgoingNumber);
