using System.CommandLine;

namespace PdBot.Bot.Cli;

/// <summary>
/// A mistyped verb must not fall through to the root's action (the server): the first word after the deepest known
/// verb that is neither an option nor an option's value names no verb; the nearest known ones are suggested.
/// </summary>
public static class UnknownVerb
{
    /// <summary>The Russian message for an unknown verb or sub-verb; null when there is none.</summary>
    public static string? Problem(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var known = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        if (known.Count == 0 || FirstWord(parse.UnmatchedTokens) is not { } word)
        {
            return null;
        }

        var prefix = string.Join(' ', PdBotCli.VerbPath(parse).Append(""));
        var nearest = Nearest(word, known);
        var hint = nearest.Count > 0
            ? $"Возможно, вы имели в виду: {string.Join(", ", nearest.Select(n => prefix + n))}"
            : $"Известные команды: {string.Join(", ", known.Select(n => prefix + n))}";
        return $"pdbot: неизвестная команда «{prefix}{word}». {hint}";
    }

    /// <summary>The known names closest to the word by edit distance, when close enough to be a typo.</summary>
    public static IReadOnlyList<string> Nearest(string word, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(known);
        var distances = known.Select(k => (Name: k, Distance: Distance(word.ToLowerInvariant(), k))).ToList();
        var best = distances.Min(d => d.Distance);
        return best <= Math.Max(2, word.Length / 3) ? [.. distances.Where(d => d.Distance == best).Select(d => d.Name)] : [];
    }

    /// <summary>Configuration overrides (<c>--Storage:Path x</c>, <c>--urls=…</c>) take a value; anything else is a word.</summary>
    private static string? FirstWord(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.StartsWith('-') || token.StartsWith('/'))
            {
                if (!token.Contains('=', StringComparison.Ordinal))
                {
                    i++;
                }

                continue;
            }

            return token;
        }

        return null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
