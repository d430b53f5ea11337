namespace PdBot.Core.Requests;

/// <summary>
/// The number of an identity document, checked by its type and stored in one spelling. Error messages never repeat
/// what was typed: it is a document number.
/// </summary>
public static class DocumentNumber
{
    /// <returns>Null when accepted, otherwise what to tell the person.</returns>
    public static string? Apply(SubjectRequest request, string answer)
    {
        ArgumentNullException.ThrowIfNull(request);
        var digits = new string(answer.Where(char.IsDigit).ToArray());
        var hasLetters = answer.Any(char.IsLetter);
        switch (request.DocumentType ?? IdentityDocumentType.RussianPassport)
        {
            case IdentityDocumentType.RussianPassport:
                if (digits.Length != 10 || hasLetters)
                {
                    return "Серия и номер паспорта — это 4 + 6 цифр, например 4510 123456. Попробуйте ещё раз.";
                }

                request.DocumentNumber = $"{digits[..4]} {digits[4..]}";
                return null;
            case IdentityDocumentType.ResidencePermit:
                if (digits.Length != 9 || hasLetters)
                {
                    return "Серия и номер вида на жительство — это 2 + 7 цифр, например 82 1234567. Попробуйте ещё раз.";
                }

                request.DocumentNumber = $"{digits[..2]} {digits[2..]}";
                return null;
            case IdentityDocumentType.ForeignPassport:
                return Free(request, answer, 6, 20, 5,
                    "Номер паспорта иностранного гражданина — от 6 до 20 букв и цифр (цифр не меньше 5), как в документе, например AB1234567. Попробуйте ещё раз.");
            default:
                return Free(request, answer, 3, 30, 2,
                    "Серия и номер документа — от 3 до 30 букв и цифр (цифр не меньше 2), как в документе. Попробуйте ещё раз.");
        }
    }

    /// <summary>Letters and digits as printed; spaces, dashes and «№» are allowed and dropped.</summary>
    private static string? Free(SubjectRequest request, string answer, int min, int max, int minDigits, string error)
    {
        var allowed = answer.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '№');
        var significant = new string(answer.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (!allowed || significant.Length < min || significant.Length > max || significant.Count(char.IsDigit) < minDigits)
        {
            return error;
        }

        request.DocumentNumber = significant;
        return null;
    }
}
