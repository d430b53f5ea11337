using System.Text.RegularExpressions;
using PdBot.Bot.Conversation.Unsubscribe;

namespace PdBot.Tests.Conversations;

/// <summary>The phrasing table (unsubscribe-phrasings.tsv): phrase, tab, expected class; \n and \u00A0 escapes allowed.</summary>
public static class UnsubscribePhrasings
{
    public static IReadOnlyList<(string Phrase, StopIntent Expected)> All { get; } = Load();

    public static TheoryData<string, StopIntent> Rows()
    {
        var data = new TheoryData<string, StopIntent>();
        foreach (var (phrase, expected) in All)
        {
            data.Add(phrase, expected);
        }

        return data;
    }

    private static List<(string, StopIntent)> Load() =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conversations", "unsubscribe-phrasings.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => (Regex.Unescape(c[0]), Enum.Parse<StopIntent>(c[1], ignoreCase: true)))];
}
