using System.Globalization;

namespace PdBot.Core.Requests;

/// <summary>What people and operators are told about requests (Russian first).</summary>
public static class RequestTexts
{
    public static string Title(RequestType type) => type switch
    {
        RequestType.Access => "Какие мои данные обрабатываются",
        RequestType.Correction => "Исправить мои данные",
        RequestType.Blocking => "Заблокировать мои данные",
        RequestType.Destruction => "Уничтожить мои данные",
        RequestType.StopProcessing => "Прекратить обработку",
        RequestType.WithdrawConsent => "Отозвать согласие",
        RequestType.WithdrawDistribution => "Снять опубликованный отзыв",
        _ => type.ToString(),
    };

    public static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Received(SubjectRequest r, string email) =>
        $"Запрос № {r.Id} «{Title(r.Type)}» принят {Date(FromUtc(r.ReceivedAtUtc))}. " +
        $"Ответим до {Date(r.DueDate ?? default)} включительно.\n\n" +
        "Чтобы мы могли подтвердить, что запрос направили именно вы, подпишите его лично в клинике " +
        $"или пришлите на {email} письмо, подписанное электронной подписью, указав номер запроса.";

    public static string Extended(SubjectRequest r) =>
        $"Срок ответа на запрос № {r.Id} продлён до {Date(r.DueDate ?? default)}. Причина: {r.ExtensionReason}";

    public static string RefusedToPerson(SubjectRequest r) =>
        $"По запросу № {r.Id} «{Title(r.Type)}» мы вынуждены отказать. Причина: {r.RefusalReason}";

    public static string OperatorNew(SubjectRequest r) =>
        $"Новый запрос № {r.Id}: {Title(r.Type)}. Срок: {Date(r.DueDate ?? default)}{(r.DueIsProvisional ? " (предварительный календарь)" : "")}. " +
        $"Документ: {r.MaskedDocument}.{(r.ProposedRefusal is null ? "" : " Подготовлен мотивированный отказ — подтвердите или отклоните.")}";

    public static string OperatorDue(SubjectRequest r, int workingDaysLeft) =>
        workingDaysLeft <= 0
            ? $"Сегодня истекает срок запроса № {r.Id} ({Title(r.Type)})."
            : $"Через {workingDaysLeft} раб. дн. ({Date(r.DueDate ?? default)}) истекает срок запроса № {r.Id} ({Title(r.Type)}).";

    private static DateOnly FromUtc(DateTime? utc) =>
        Calendar.ClinicTime.LocalDate(new DateTimeOffset(DateTime.SpecifyKind(utc ?? default, DateTimeKind.Utc)));
}
