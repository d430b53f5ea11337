namespace PdBot.Bot.Admin.People;

/// <summary>
/// One row of a person's timeline: an audit entry, a step in one of their requests, or a message sent to them.
/// Flat on purpose: the page, the CSV and the JSON of the evidence pack all read the same fields.
/// </summary>
public sealed record TimelineEvent
{
    public const string AuditSource = "audit";
    public const string HistorySource = "request-history";
    public const string MessageSource = "message";

    /// <summary>A row of a mailing's delivery ledger: the mailing reached (or skipped) the person, under which consent.</summary>
    public const string MailingSource = "mailing";

    /// <summary>When it happened (for a message: when it was sent, or queued if not sent yet).</summary>
    public required DateTime TimeUtc { get; init; }

    /// <summary>Where the row comes from: <see cref="AuditSource"/>, <see cref="HistorySource"/>, <see cref="MessageSource"/> or <see cref="MailingSource"/>.</summary>
    public required string Source { get; init; }

    /// <summary>The area: the audit entry's kind (consent, person, request, retention), or "request" / "message".</summary>
    public required string Kind { get; init; }

    public required string Event { get; init; }

    public string Channel { get; init; } = "";

    public string? PurposeId { get; init; }

    public int? TextVersion { get; init; }

    public string? TextHash { get; init; }

    public IReadOnlyList<string> Buttons { get; init; } = [];

    public string Actor { get; init; } = "";

    public string? Detail { get; init; }

    public long? RequestId { get; init; }

    /// <summary>Mailing rows only: the mailing's number.</summary>
    public long? MailingId { get; init; }

    /// <summary>Audit entries only: the chain fields an inspector needs to recompute <see cref="EntryHash"/>.</summary>
    public long? Seq { get; init; }

    public string? PrevHash { get; init; }

    public string? EntryHash { get; init; }

    public string? UserDigest { get; init; }

    /// <summary>The platform id of the message or press that caused the entry; for a mailing row, the platform's id of the mailing message.</summary>
    public string? MessageId { get; init; }

    /// <summary>Audit entries only: whether the stored hash matches the entry's content, recomputed now.</summary>
    public bool? HashOk { get; init; }

    /// <summary>Messages only: the text sent, when it was queued and when the platform accepted it.</summary>
    public string? MessageText { get; init; }

    public DateTime? QueuedAtUtc { get; init; }

    public DateTime? SentAtUtc { get; init; }
}
