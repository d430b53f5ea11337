using PdBot.Core.Operator;

namespace PdBot.Core.Incidents;

/// <summary>
/// The default service notice to the people affected, for the operator to edit: what happened, what data, what the
/// clinic did, what the person can do, whom to contact. It names nobody: the same text goes to everyone.
/// </summary>
public static class ServiceNoticeText
{
    public static string Default(Incident incident, OperatorOptions op)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(op);
        var contact = string.Join(", ", new[] { op.Phone, op.Email }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return $"""
            Уведомление {op.Name} об инциденте с персональными данными

            Что произошло: {Or(incident.Summary, "выявлен инцидент с персональными данными")} (выявлено {IncidentNotices.Time(incident.DetectedAtUtc)}).
            Какие данные затронуты: {Or(incident.DataCategories, "уточняется")}.
            Что сделала клиника: {Or(incident.Measures, "устраняем последствия; Роскомнадзор уведомлён")}.
            Что вы можете сделать: сохраните подозрительные сообщения и не переходите по ссылкам в них; при необходимости смените пароли; вы вправе потребовать прекращения обработки или уничтожения ваших данных (/privacy) и обратиться в Роскомнадзор.
            Контакты: {Or(incident.ContactPerson, Or(contact, "ответьте на это сообщение"))}.

            Это служебное сообщение по закону (ч. 3.1 ст. 21 152-ФЗ), а не рассылка.
            """;
    }

    private static string Or(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}
