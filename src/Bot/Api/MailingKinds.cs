using PdBot.Core.Mailings;

namespace PdBot.Bot.Api;

/// <summary>The API's names of <see cref="MailingKind"/>: "advertising", "informational".</summary>
public static class MailingKinds
{
    public const string Advertising = "advertising";
    public const string Informational = "informational";

    public static string Name(MailingKind kind) => kind == MailingKind.Advertising ? Advertising : Informational;

    public static MailingKind? Parse(string? name) =>
        string.Equals(name, Advertising, StringComparison.OrdinalIgnoreCase) ? MailingKind.Advertising
        : string.Equals(name, Informational, StringComparison.OrdinalIgnoreCase) ? MailingKind.Informational
        : null;
}
