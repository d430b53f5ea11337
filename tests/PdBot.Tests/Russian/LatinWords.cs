using System.Text.RegularExpressions;

namespace PdBot.Tests.Russian;

/// <summary>
/// Finds Latin words in text a person or an admin reads. Allowed: URLs, e-mail addresses, commands (/stop),
/// hashes and ids (anything with a digit), and the names in <see cref="Allowed"/>.
/// </summary>
public static partial class LatinWords
{
    /// <summary>Names that have no Russian form in the product (brands, formats, the algorithm names).</summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "PdBot", "Telegram", "VK", "CSV", "JSON", "ZIP", "README", "SHA", "PBKDF2", "HTTPS", "HTTP", "URL", "ID", "QR", "PNG", "API",
        "Senler", "e-mail", "email", "STOP", "unsubscribe", "cancel", "LiteDB", "PostgreSQL",
    };

    /// <summary>The Latin words of <paramref name="text"/> that are not allowed, in order of appearance.</summary>
    public static IReadOnlyList<string> In(string? text, params IReadOnlyCollection<string> identifiers)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var stripped = Exempt().Replace(text, " ");
        return [.. Word().Matches(stripped).Select(m => m.Value).Where(w => !Allowed.Contains(w) && !identifiers.Contains(w))];
    }

    /// <summary>Fails with the offending words and the text they were found in.</summary>
    /// <param name="identifiers">The person's own ids (channel, user id) that a reply may quote, such as the access answer.</param>
    public static void AssertNone(string? text, string where, params IReadOnlyCollection<string> identifiers)
    {
        var found = In(text, identifiers);
        if (found.Count > 0)
        {
            Assert.Fail($"Latin words {string.Join(", ", found.Select(w => $"'{w}'"))} in {where}: {text}");
        }
    }

    // URLs, e-mail addresses, /commands (with @BotName), hex digests and ids such as a1b2c3….
    [GeneratedRegex(@"https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)/[a-z_]+(@\w+)?|\b[0-9a-f]{16,}\b|\b\w*\d\w*\b", RegexOptions.IgnoreCase)]
    private static partial Regex Exempt();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]{2,}")]
    private static partial Regex Word();
}
