namespace PdBot.Bot.Conversation;

/// <summary>The words that stop the mailing at once (Art. 15 part 2), on any channel.</summary>
public static class UnsubscribeKeywords
{
    private static readonly string[] Words = ["отписаться", "отказаться", "не беспокоить", "/stop", "стоп"];

    /// <summary>True for a keyword alone, in any case, with surrounding spaces or punctuation.</summary>
    public static bool Matches(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = string.Join(' ', text.Trim().Trim('.', '!', '?', ',', '«', '»', '"').Split(' ', StringSplitOptions.RemoveEmptyEntries));

        // Telegram appends the bot name to commands in groups: /stop@ClinicBot.
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        if (normalized.StartsWith('/') && at > 0)
        {
            normalized = normalized[..at];
        }

        return Words.Contains(normalized.ToLowerInvariant());
    }
}
