using System.Globalization;

namespace PdBot.Core.Requests;

/// <summary>Checks one intake answer and stores it on the request; a bad answer gets a message that says how to fix it.</summary>
public static class IntakeValidator
{
    /// <returns>Null when the answer was accepted, otherwise what to tell the person.</returns>
    public static string? Apply(SubjectRequest request, IntakeStep step, string answer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        answer = (answer ?? "").Trim();
        switch (step)
        {
            case IntakeStep.Document:
                var digits = new string(answer.Where(char.IsDigit).ToArray());
                if (digits.Length != 10 || answer.Any(c => char.IsLetter(c)))
                {
                    return "Серия и номер паспорта — это 4 + 6 цифр, например 4510 123456. Попробуйте ещё раз.";
                }

                request.DocumentNumber = $"{digits[..4]} {digits[4..]}";
                return null;
            case IntakeStep.IssuedOn:
                if (!DateOnly.TryParseExact(answer, ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var issued))
                {
                    return "Не удалось прочитать дату. Введите дату выдачи в формате ДД.ММ.ГГГГ, например 15.03.2019.";
                }

                if (issued > today)
                {
                    return "Дата выдачи не может быть в будущем. Проверьте дату и введите её ещё раз.";
                }

                if (issued.Year < 1997)
                {
                    return "Паспорта гражданина РФ нового образца выдаются с 1997 года. Проверьте дату выдачи.";
                }

                request.DocumentIssuedOn = issued;
                return null;
            case IntakeStep.Issuer:
                return Text(answer, 5, "Укажите, кем выдан паспорт, как записано в документе (не короче 5 символов).", v => request.DocumentIssuer = v);
            case IntakeStep.Relation:
                return Text(answer, 3, "Укажите номер или дату договора, либо как вы связаны с клиникой (например, «подписчик рассылки»).", v => request.Relation = v);
            case IntakeStep.Statement:
                return Text(answer, 5, "Опишите подробнее, о каких данных речь (не короче 5 символов).", v => request.Statement = v);
            case IntakeStep.Justification:
                if (answer.Equals("нет", StringComparison.OrdinalIgnoreCase))
                {
                    request.Statement = null;
                    return null;
                }

                return Text(answer, 5, "Опишите, какие сведения не были предоставлены полностью, или напишите «нет».", v => request.Statement = v);
            default:
                return "Выберите вариант кнопкой.";
        }
    }

    private static string? Text(string answer, int min, string error, Action<string> store)
    {
        if (answer.Length < min || !answer.Any(char.IsLetterOrDigit))
        {
            return error;
        }

        store(answer.Length > 1000 ? answer[..1000] : answer);
        return null;
    }
}
