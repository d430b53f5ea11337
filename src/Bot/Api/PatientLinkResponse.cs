namespace PdBot.Bot.Api;

/// <summary>A one-time patient link: a link is null when its channel's setting (Telegram:BotUsername, Vk:Community) is missing.</summary>
public sealed record PatientLinkResponse(string Code, string? Telegram, string? Vk, DateTimeOffset ExpiresAt);
