namespace PdBot.Core.People;

/// <summary>
/// The source part of a subscription link («poster-reception», «site»): it comes from the platform as typed by
/// whoever made the link, so only 1–64 characters of A–Z, a–z, 0–9, «_» and «-» are kept (what Telegram allows
/// in a start parameter); anything else is ignored rather than stored.
/// </summary>
public static class SubscriptionSource
{
    public const int MaxLength = 64;

    /// <summary>The source when it is valid, otherwise null.</summary>
    public static string? Clean(string? raw) =>
        raw is { Length: > 0 and <= MaxLength } && raw.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? raw : null;
}
