namespace PdBot.Core.Mailings;

/// <summary>Who acts on a mailing: an admin's login (and whether they are an admin), or "api:{key name}".</summary>
public sealed record MailingActor(string Name, bool IsAdmin);
