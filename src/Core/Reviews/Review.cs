namespace PdBot.Core.Reviews;

/// <summary>
/// A review left in the chat for publication (policy 2.3.1, 5.3: data permitted for distribution). The registry keeps
/// when, where and by whom it was published and taken down; the text and signature are erased at take-down,
/// withdrawal and destruction.
/// </summary>
public sealed class Review
{
    public const string Anonymous = "Аноним";

    public long Id { get; set; }

    /// <summary>The person's pseudonymous id (never the platform id).</summary>
    public string PersonId { get; set; } = "";

    public string Channel { get; set; } = "";

    public ReviewState State { get; set; } = ReviewState.Draft;

    /// <summary>Null once erased.</summary>
    public string? Text { get; set; }

    /// <summary>The first name given, or «Аноним»; null once erased.</summary>
    public string? Signature { get; set; }

    /// <summary>Health words were found and the person chose «Оставить как есть»: the operator removes them before publishing.</summary>
    public bool HealthWordsKept { get; set; }

    /// <summary>Health words were found and the person chose «Исправить» at least once.</summary>
    public bool HealthWordsFixed { get; set; }

    public ReviewFormStep FormStep { get; set; } = ReviewFormStep.Text;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The form's last answer: a draft untouched for 24 hours is dropped.</summary>
    public DateTime LastActivityAtUtc { get; set; }

    public DateTime? ReceivedAtUtc { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    public string? PublishedUrl { get; set; }

    /// <summary>The day the review appeared on the site (as the operator records it).</summary>
    public DateOnly? PublishedOn { get; set; }

    public string? PublishedBy { get; set; }

    /// <summary>When the consent was withdrawn while it was published: the «снять немедленно» clock starts.</summary>
    public DateTime? TakeDownRequestedAtUtc { get; set; }

    public DateTime? TakenDownAtUtc { get; set; }

    public string? TakenDownBy { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    public string? ClosedBy { get; set; }

    public List<ReviewHistoryItem> History { get; set; } = [];

    /// <summary>Text and signature go; the record of ids, dates, URL and logins stays.</summary>
    public void EraseText() => (Text, Signature) = (null, null);
}
