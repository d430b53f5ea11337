namespace PdBot.Core.Requests;

/// <summary>
/// A person's request about their data. Identity document fields are kept only to check identity
/// and are never shown in full (see <see cref="MaskedDocument"/>).
/// </summary>
public sealed class SubjectRequest
{
    /// <summary>1, 2, 3…; people see it as "№ 12".</summary>
    public long Id { get; set; }

    public string PersonId { get; set; } = "";

    public RequestType Type { get; set; }

    public RequestState State { get; set; } = RequestState.Received;

    /// <summary>The intake question the bot asks next while <see cref="RequestState.AwaitingDetails"/>.</summary>
    public string? IntakeStep { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the complete request was received: the clock runs from here.</summary>
    public DateTime? ReceivedAtUtc { get; set; }

    /// <summary>The clinic's local due date (inclusive).</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>Set once the operator confirmed who sent the request; no answer goes out before.</summary>
    public bool IdentityConfirmed { get; set; }

    public bool DueIsProvisional { get; set; }

    public DateOnly? OriginalDueDate { get; set; }

    public string? ExtensionReason { get; set; }

    /// <summary>Which identity document; null on requests from before other documents were accepted (a Russian passport).</summary>
    public IdentityDocumentType? DocumentType { get; set; }

    /// <summary>For <see cref="IdentityDocumentType.Other"/>: the document's name as the person wrote it.</summary>
    public string? DocumentName { get; set; }

    public string? DocumentNumber { get; set; }

    public DateOnly? DocumentIssuedOn { get; set; }

    public string? DocumentIssuer { get; set; }

    /// <summary>Made by a representative (policy 6.1.2): the document fields above are then the representative's own.</summary>
    public bool ByRepresentative { get; set; }

    /// <summary>The power of attorney (or other document of authority) of a representative; shown masked like the document.</summary>
    public string? AttorneyNumber { get; set; }

    public DateOnly? AttorneyIssuedOn { get; set; }

    /// <summary>Who issued the power of attorney and on whose behalf, as the representative wrote it.</summary>
    public string? AttorneyIssuer { get; set; }

    /// <summary>The last time the person answered the form; a draft untouched for a day expires.</summary>
    public DateTime? LastActivityAtUtc { get; set; }

    /// <summary>What ties the person to the clinic: a contract number or date, or their own words.</summary>
    public string? Relation { get; set; }

    /// <summary>For correction: what is wrong; for destruction: why; for a repeat access request: the justification.</summary>
    public string? Statement { get; set; }

    /// <summary>For consent withdrawal: which purpose.</summary>
    public string? PurposeId { get; set; }

    /// <summary>A refusal the system prepared (e.g. repeat request without justification) for the operator to confirm.</summary>
    public string? ProposedRefusal { get; set; }

    public string? RefusalReason { get; set; }

    /// <summary>Why a request was cancelled, superseded or closed without an answer.</summary>
    public string? CloseReason { get; set; }

    public string? AnswerText { get; set; }

    public DateTime? AnswerDeliveredAtUtc { get; set; }

    public List<RequestHistoryItem> History { get; set; } = [];

    public bool IsOpen => IsOpenState(State);

    public static bool IsOpenState(RequestState state) =>
        state is not (RequestState.Answered or RequestState.Refused or RequestState.Cancelled or RequestState.Superseded or RequestState.Closed);

    /// <summary>The document number with all but the last 4 digits hidden.</summary>
    public string MaskedDocument => Mask(DocumentNumber);

    /// <summary>The power of attorney's number with all but the last 4 digits hidden.</summary>
    public string MaskedAttorney => Mask(AttorneyNumber);

    /// <summary>
    /// Clears the identity document, the power of attorney and the relationship: what identifies the person
    /// (a cancelled or expired form, a destruction). The kind of document and whether a representative asked stay.
    /// </summary>
    public void ForgetIdentity()
    {
        (DocumentName, DocumentNumber, DocumentIssuedOn, DocumentIssuer) = (null, null, null, null);
        (AttorneyNumber, AttorneyIssuedOn, AttorneyIssuer, Relation) = (null, null, null, null);
    }

    public static string Mask(string? number)
    {
        var digits = new string((number ?? "").Where(char.IsDigit).ToArray());
        return digits.Length <= 4 ? "••••" : new string('•', digits.Length - 4) + digits[^4..];
    }
}
