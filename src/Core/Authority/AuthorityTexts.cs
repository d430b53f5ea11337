using PdBot.Core.Requests;

namespace PdBot.Core.Authority;

/// <summary>The console's Russian words for Roskomnadzor requests.</summary>
public static class AuthorityTexts
{
    public static string Date(DateOnly d) => RequestTexts.Date(d);

    public static string State(AuthorityState s) => s switch
    {
        AuthorityState.Received => "получен",
        AuthorityState.Extended => "срок продлён",
        _ => "ответ направлен",
    };

    public static string Event(string evt) => evt switch
    {
        AuthorityEvents.Registered => "зарегистрирован",
        AuthorityEvents.Extended => "срок продлён",
        AuthorityEvents.Answered => "ответ направлен",
        _ => evt,
    };

    /// <summary>The operators' alert: no personal data, only the number and the date.</summary>
    public static string Alert(AuthorityRequest r, int left) => left switch
    {
        < 0 => $"Просрочен ответ на запрос Роскомнадзора № {r.Id} (срок {Date(r.DueDate)}, п. {AuthorityTerms.PolicyClause} политики): откройте «Роскомнадзор» в консоли.",
        0 => $"Сегодня последний день ответа на запрос Роскомнадзора № {r.Id} (п. {AuthorityTerms.PolicyClause} политики): откройте «Роскомнадзор» в консоли.",
        _ => $"Через {left} рабочих дня истекает срок ответа на запрос Роскомнадзора № {r.Id} ({Date(r.DueDate)}): откройте «Роскомнадзор» в консоли.",
    };
}
