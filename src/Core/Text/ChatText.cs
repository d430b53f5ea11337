using System.Globalization;
using System.Text;

namespace PdBot.Core.Text;

/// <summary>
/// What a person typed, reduced to lower-case words: people write «НЕ  беспокоить!», «не\u00A0беспокоить»,
/// «Отписаться 🙏», «/stop@ClinicBot» or mix Latin look-alikes into Cyrillic, and all of it must mean the same.
/// The one normalizer for typed text: unsubscribe phrasings, declines, typed button labels and the request form.
/// </summary>
public static class ChatText
{
    // Latin letters that look like Cyrillic ones; swapped only inside words that already hold Cyrillic.
    private const string LatinLookalikes = "aceopxyk";
    private const string CyrillicOriginals = "асеорхук";

    /// <param name="keepSlash">Keep a command's «/» (the request form tells «/cancel» from a word); the unsubscribe
    /// words read «/stop» as «stop».</param>
    public static string Normalize(string? text, bool keepSlash = false) => string.Join(' ', Words(text, keepSlash));

    public static IReadOnlyList<string> Words(string? text, bool keepSlash = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var s = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Replace('ё', 'е');
        var plain = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];

            // Telegram appends the bot's name to commands in groups: /stop@ClinicBot.
            if (c == '@' && plain.Length > 0 && s.TrimStart().StartsWith('/'))
            {
                while (i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1]))
                {
                    i++;
                }

                continue;
            }

            // A zero-width space separates words; soft hyphens and joiners split nothing; any other non-letter does.
            if (c == '\u200B')
            {
                plain.Append(' ');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                plain.Append(char.IsLetterOrDigit(c) || (keepSlash && c == '/') ? c : ' ');
            }
        }

        return [.. plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Cyrillic)];
    }

    private static string Cyrillic(string word)
    {
        if (!word.Any(c => c is >= 'а' and <= 'я'))
        {
            return word;
        }

        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var at = LatinLookalikes.IndexOf(chars[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                chars[i] = CyrillicOriginals[at];
            }
        }

        return new string(chars);
    }
}
