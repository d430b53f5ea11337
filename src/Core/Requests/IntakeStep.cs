namespace PdBot.Core.Requests;

/// <summary>The questions the bot asks to complete a request (policy 6.1.2, 152-FZ Art. 14 part 3).</summary>
public enum IntakeStep
{
    /// <summary>About oneself or as a representative (policy 6.1.2: «субъекта … или его представителя»).</summary>
    Applicant,
    DocumentType,

    /// <summary>Only for «Другой документ»: what the document is.</summary>
    DocumentName,
    Document,
    IssuedOn,
    Issuer,
    AttorneyNumber,
    AttorneyIssuedOn,

    /// <summary>Who issued the power of attorney and on whose behalf.</summary>
    AttorneyIssuer,
    Relation,
    Statement,
    Justification,
    Purpose,
    Complete,
}
