namespace PdBot.Core.Requests;

/// <summary>
/// How a request's identity document and, for a representative, the power of attorney read in replies, the console
/// and the CLI: the kind of document and the numbers masked, never in full.
/// </summary>
public static class IdentitySummary
{
    /// <summary>E.g. «Паспорт РФ ••••••3456» or «Вид на жительство •••••4567».</summary>
    public static string Document(SubjectRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var kind = r.DocumentType == IdentityDocumentType.Other && !string.IsNullOrWhiteSpace(r.DocumentName)
            ? r.DocumentName
            : IntakeChoices.DocumentLabel(r.DocumentType ?? IdentityDocumentType.RussianPassport);
        return $"{kind} {r.MaskedDocument}";
    }

    /// <summary>E.g. «представителем по доверенности № •••••4321 от 01.02.2026»; null when the person asked themself.</summary>
    public static string? Representative(SubjectRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.ByRepresentative
            ? $"представителем по доверенности № {r.MaskedAttorney}{(r.AttorneyIssuedOn is { } d ? " от " + RequestTexts.Date(d) : "")}"
            : null;
    }
}
