namespace PdBot.Core.Audit;

/// <summary>
/// A filter over the audit trail, newest first. Every field is optional; <see cref="Person"/> matches the
/// pseudonymous person id or a platform user id. <see cref="ToUtc"/> is exclusive.
/// </summary>
public sealed record AuditQuery
{
    public string? Kind { get; init; }

    public IReadOnlyList<string> Events { get; init; } = [];

    public string? PurposeId { get; init; }

    public string? Channel { get; init; }

    public string? Person { get; init; }

    public string? Actor { get; init; }

    public DateTime? FromUtc { get; init; }

    public DateTime? ToUtc { get; init; }

    /// <summary>Keyset paging: only entries older than this sequence number.</summary>
    public long? BeforeSeq { get; init; }

    /// <summary>The consent log: consent events only, optionally one of them.</summary>
    public static AuditQuery ConsentLog(string? evt = null) => new()
    {
        Kind = AuditEvents.ConsentKind,
        Events = string.IsNullOrEmpty(evt) ? AuditEvents.ConsentEvents : [evt],
    };

    /// <summary>Whether an entry passes every filter (the store may check some of them itself, faster).</summary>
    public bool Matches(AuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (Kind is null || e.Kind == Kind)
            && (Events.Count == 0 || Events.Contains(e.Event))
            && (PurposeId is null || e.PurposeId == PurposeId)
            && (Channel is null || e.Channel == Channel)
            && (Actor is null || e.Actor == Actor)
            && (Person is null || e.PersonId == Person || e.UserId == Person)
            && (FromUtc is null || e.TimeUtc >= FromUtc)
            && (ToUtc is null || e.TimeUtc < ToUtc)
            && (BeforeSeq is null || e.Seq < BeforeSeq);
    }
}
