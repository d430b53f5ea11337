namespace PdBot.Core.Authority;

/// <summary>
/// A request from Roskomnadzor (the authorised body) registered by an admin: answered within 10 working days of
/// receipt, extendable once by at most 5 working days with a reasoned notice (policy 1.3.2, 152-FZ Art. 20 part 4).
/// </summary>
public sealed class AuthorityRequest
{
    public long Id { get; set; }

    /// <summary>The clinic-local date the request reached the clinic: the term counts from the next day.</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>The authority's number on the incoming letter.</summary>
    public string IncomingNumber { get; set; } = "";

    /// <summary>What is asked.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The person the request is about (pseudonymous id), when it is about one.</summary>
    public string? PersonId { get; set; }

    public string? Note { get; set; }

    public AuthorityState State { get; set; } = AuthorityState.Received;

    public DateOnly DueDate { get; set; }

    public DateOnly OriginalDueDate { get; set; }

    /// <summary>A day counted lies in a year whose calendar is provisional: the date may move.</summary>
    public bool DueIsProvisional { get; set; }

    public int? ExtendedByWorkingDays { get; set; }

    public string? ExtensionReason { get; set; }

    public DateOnly? AnsweredOn { get; set; }

    /// <summary>How the answer went (the authority's portal, registered mail, e-mail…).</summary>
    public string? AnswerMethod { get; set; }

    public string? OutgoingNumber { get; set; }

    public DateTime RegisteredAtUtc { get; set; }

    public List<AuthorityHistoryItem> History { get; set; } = [];

    public bool IsOpen => State != AuthorityState.Answered;
}
