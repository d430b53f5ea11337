using PdBot.Core.Text;

namespace PdBot.Core.Reviews;

/// <summary>Configuration section <c>Reviews</c>.</summary>
public sealed class ReviewOptions
{
    /// <summary>Word stems that suggest health data (diagnoses, medicines, procedures): policy 5.3 keeps them out of a published review.</summary>
    public IReadOnlyList<string> HealthWords { get; set; } = [];

    /// <summary>Whether the text contains a configured stem (after the chat normalisation: case, ё, punctuation).</summary>
    public bool MentionsHealth(string text) =>
        HealthWords.Select(w => ChatText.Normalize(w)).Where(w => w.Length > 0).Any(ChatText.Normalize(text).Contains);
}
