namespace PdBot.Bot.Conversation.Violations;

/// <summary>What the person is told while reporting a possible leak or violation (Russian).</summary>
public static class ViolationTexts
{
    public const string Button = "Сообщить о нарушении";

    public const string CancelButton = "Отмена";

    public const string Ask =
        "Расскажите одним сообщением, что произошло: какие данные, где и когда вы их увидели (например, ссылка или описание). " +
        "Не присылайте паспортные данные и сведения о здоровье — они не нужны для проверки.\n\nЧтобы не отправлять сообщение, нажмите «Отмена».";

    public const string Cancelled = "Хорошо, сообщение не отправлено.";

    public const string Empty = "Сообщение пустое. Опишите, что произошло, одним сообщением или нажмите «Отмена».";

    /// <summary>What happens next (152-FZ Art. 21 part 3.1; policy 5.4.3, 6.2.5, 6.2.8).</summary>
    public static string Recorded(long incidentId) =>
        $"Спасибо, сообщение принято (инцидент № {incidentId}).\n\n" +
        "Что будет дальше:\n" +
        "1. Клиника проверит сообщение в течение 24 часов (п. 5.4.3 Политики обработки персональных данных — выявление инцидентов и реагирование на них).\n" +
        "2. Если утечка или неправомерная передача подтвердится, клиника в течение 24 часов уведомит Роскомнадзор, а в течение 72 часов сообщит ему результаты расследования (ч. 3.1 ст. 21 152-ФЗ).\n" +
        "3. Неправомерная обработка ваших данных будет прекращена, а вы получите сообщение о принятых мерах в этом чате (пп. 6.2.5, 6.2.8 Политики).\n\n" +
        "Если вы хотите потребовать блокирования или уничтожения своих данных, это можно сделать в меню /privacy.";

    /// <summary>The operators' alert: the incident number only, no personal data.</summary>
    public static string Alert(long incidentId) =>
        $"Сообщение о возможной утечке из чата: инцидент № {incidentId}, откройте «Инциденты» в консоли.";
}
