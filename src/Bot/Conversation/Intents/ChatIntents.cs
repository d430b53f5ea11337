using PdBot.Core.Text;

namespace PdBot.Bot.Conversation.Intents;

/// <summary>
/// Recognises what a person came for from a typed message, by words (stems, so «записаться», «запишите», «записи» all
/// count). Deliberately small: what it does not recognise reaches a person in the inbox, which is never wrong.
/// </summary>
public static class ChatIntents
{
    private static readonly string[] StartWords =
        ["/start", "start", "начать", "старт", "привет", "привет!", "здравствуйте", "здравствуй", "добрый день", "добрый вечер", "доброе утро", "hi", "hello"];

    private static readonly string[] OperatorWords =
        ["оператор", "человек", "живой человек", "администратор", "менеджер", "сотрудник", "позвать сотрудника", "позовите сотрудника"];

    private static readonly string[] OperatorStems =
        ["позовите", "позвать", "позови", "оператора", "с оператором", "живым человеком", "живого человека", "соедините", "свяжите меня", "администратора", "с администратором"];

    private static readonly string[] AppointmentStems = ["перенест", "перенос", "отменит", "отмена записи", "отменить запись", "не смогу прийти", "не приду", "опозда"];

    private static readonly string[] BookingStems = ["записат", "запишит", "запиши", "запись", "записи", "консультац", "приём", "прием", "к врачу", "к доктору"];

    private static readonly string[] ReviewPhrases = ["отзыв", "оставить отзыв", "написать отзыв", "хочу оставить отзыв", "хочу написать отзыв", "оставлю отзыв"];

    // A leak in any usual wording; «нарушение» only together with data, so «мои данные» alone (the /privacy menu) and
    // a withdrawal («не обрабатывайте мои данные») are not reports.
    private static readonly string[] LeakStems = ["утекл", "утечк", "утёк", "слили", "слил мои", "слила мои", "слив данных", "слив моих"];

    private static readonly string[] ViolationStems = ["нарушени", "нарушил", "нарушают", "неправомерн"];

    public static ChatIntent Classify(string? text)
    {
        var t = ChatText.Normalize(text, keepSlash: true);
        if (t.Length == 0 || StartWords.Contains(t))
        {
            return ChatIntent.Start;
        }

        if (IsViolation(t))
        {
            return ChatIntent.Violation;
        }

        if (OperatorWords.Contains(t) || OperatorStems.Any(s => t.Contains(s, StringComparison.Ordinal)))
        {
            return ChatIntent.Operator;
        }

        if (ReviewPhrases.Contains(t) || t.StartsWith("оставить отзыв", StringComparison.Ordinal) || t.StartsWith("хочу оставить отзыв", StringComparison.Ordinal))
        {
            return ChatIntent.Review;
        }

        var aboutVisit = BookingStems.Any(s => t.Contains(s, StringComparison.Ordinal));
        if (aboutVisit && AppointmentStems.Any(s => t.Contains(s, StringComparison.Ordinal)))
        {
            return ChatIntent.Appointment;
        }

        return aboutVisit ? ChatIntent.Booking : ChatIntent.None;
    }

    private static bool IsViolation(string t) =>
        t == "сообщить о нарушении" || LeakStems.Any(s => t.Contains(s, StringComparison.Ordinal))
        || (ViolationStems.Any(s => t.Contains(s, StringComparison.Ordinal)) && t.Contains("данн", StringComparison.Ordinal));
}
