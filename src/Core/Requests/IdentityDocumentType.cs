namespace PdBot.Core.Requests;

/// <summary>Documents that prove identity in a request (policy 6.1.2: «номер основного документа, удостоверяющего личность»).</summary>
public enum IdentityDocumentType
{
    RussianPassport,
    ForeignPassport,
    ResidencePermit,
    Other,
}
