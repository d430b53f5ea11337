namespace PdBot.Bot.Admin.Handover;

/// <summary>A new console account handed from the CLI to the running host; the password is already hashed.</summary>
public sealed record AccountRequest(string Login, string Role, string PasswordHash, string Actor);
