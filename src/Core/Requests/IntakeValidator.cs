using PdBot.Core.Text;
using System.Globalization;

namespace PdBot.Core.Requests;

/// <summary>Checks one intake answer and stores it on the request; a bad answer gets a message that says how to fix it.</summary>
public static class IntakeValidator
{
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    /// <returns>Null when the answer was accepted, otherwise what to tell the person.</returns>
    public static string? Apply(SubjectRequest request, IntakeStep step, string answer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        answer = (answer ?? "").Trim();
        switch (step)
        {
            case IntakeStep.Applicant or IntakeStep.DocumentType:
                return Choose(request, step, answer);
            case IntakeStep.DocumentName:
                return Text(answer, 3, "Напишите, как называется документ (например, «удостоверение беженца»).", v => request.DocumentName = v);
            case IntakeStep.Document:
                return DocumentNumber.Apply(request, answer);
            case IntakeStep.IssuedOn:
                var firstYear = (request.DocumentType ?? IdentityDocumentType.RussianPassport) == IdentityDocumentType.RussianPassport ? 1997 : 1950;
                return Date(answer, today, firstYear, "Документы такого вида с этой датой не выдавались", v => request.DocumentIssuedOn = v);
            case IntakeStep.Issuer:
                return Text(answer, 5, "Укажите, кем выдан документ, как записано в нём (не короче 5 символов).", v => request.DocumentIssuer = v);
            case IntakeStep.AttorneyNumber:
                if (answer.Length > 50 || !answer.Any(char.IsDigit))
                {
                    return "Укажите номер доверенности, как он записан в ней (в номере есть цифры), например 77 АА 1234567.";
                }

                request.AttorneyNumber = answer;
                return null;
            case IntakeStep.AttorneyIssuedOn:
                return Date(answer, today, 1990, "Проверьте дату доверенности", v => request.AttorneyIssuedOn = v);
            case IntakeStep.AttorneyIssuer:
                return Text(answer, 5, "Укажите, кем выдана доверенность и от чьего имени (не короче 5 символов).", v => request.AttorneyIssuer = v);
            case IntakeStep.Relation:
                return Text(answer, 3, "Укажите номер или дату договора, либо как вы связаны с клиникой (например, «подписчик рассылки»).", v => request.Relation = v);
            case IntakeStep.Statement:
                return Text(answer, 5, "Опишите подробнее, о каких данных речь (не короче 5 символов).", v => request.Statement = v);
            case IntakeStep.Justification:
                if (IntakeChoices.Match(step, answer) is not null || ChatText.Normalize(answer) == "нет")
                {
                    request.Statement = null;
                    return null;
                }

                return Text(answer, 5, "Опишите, какие сведения не были предоставлены полностью, или нажмите «Обоснования нет».", v => request.Statement = v);
            default:
                return "Выберите вариант кнопкой.";
        }
    }

    private static string? Choose(SubjectRequest request, IntakeStep step, string answer)
    {
        if (IntakeChoices.Match(step, answer) is not { } choice)
        {
            return "Выберите вариант кнопкой ниже.";
        }

        if (step == IntakeStep.Applicant)
        {
            request.ByRepresentative = choice.Value == IntakeChoices.Representative;
        }
        else
        {
            request.DocumentType = Enum.Parse<IdentityDocumentType>(choice.Value);
        }

        return null;
    }

    private static string? Date(string answer, DateOnly today, int firstYear, string tooEarly, Action<DateOnly> store)
    {
        if (!DateOnly.TryParseExact(answer, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return "Не удалось прочитать дату. Введите дату выдачи в формате ДД.ММ.ГГГГ, например 15.03.2019.";
        }

        if (date > today)
        {
            return "Дата выдачи не может быть в будущем. Проверьте дату и введите её ещё раз.";
        }

        if (date.Year < firstYear)
        {
            return $"{tooEarly}: ожидается дата не раньше {firstYear} года.";
        }

        store(date);
        return null;
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
