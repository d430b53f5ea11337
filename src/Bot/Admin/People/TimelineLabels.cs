using PdBot.Core.Admin;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Requests;

namespace PdBot.Bot.Admin.People;

/// <summary>Russian names for what the timeline shows; an unknown name is shown as stored rather than hidden.</summary>
public static class TimelineLabels
{
    public static string Kind(string kind) => kind switch
    {
        AuditEvents.ConsentKind => "согласие",
        AuditEvents.PersonKind => "субъект",
        "request" => "запрос",
        "retention" => "хранение",
        TimelineEvent.MessageSource => "сообщение",
        AdminEvents.Kind => "консоль",
        _ => kind,
    };

    public static string Source(TimelineEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Source switch
        {
            TimelineEvent.AuditSource => $"журнал аудита № {e.Seq}",
            TimelineEvent.HistorySource => $"история запроса № {e.RequestId}",
            TimelineEvent.MessageSource => $"исходящее сообщение (запрос № {e.RequestId})",
            _ => e.Source,
        };
    }

    public static string Event(string evt) => evt switch
    {
        AuditEvents.Given or AuditEvents.Withdrawn or AuditEvents.Declined or AuditEvents.NeedsRenewal => AdminFormat.ConsentEvent(evt),
        AuditEvents.Unreachable => "недоступен (бот заблокирован или сообщения запрещены)",
        AuditEvents.MessagesAllowed => "сообщения снова разрешены",
        "request-received" or "received" => "запрос получен",
        "intake-started" => "начато заполнение запроса",
        "blocked-on-receipt" => "данные заблокированы при получении запроса",
        "request-identity-confirmed" or "identity-confirmed" => "личность подтверждена",
        "request-blocked" or "blocked" => "данные заблокированы",
        "request-unblocked" or "unblocked" => "блокировка снята",
        "request-extended" or "extended" => "срок продлён",
        "request-refused" or "refused" => "отказ",
        "request-answered" or "answered" => "ответ утверждён",
        "answer-delivered" => "ответ доставлен",
        "blocked-other-basis" => "заблокировано: есть другое основание",
        "destroyed" => "данные уничтожены",
        "alert-2" => "напоминание оператору: 2 рабочих дня до срока",
        "alert-0" => "напоминание оператору: срок сегодня",
        "message-sent" => "сообщение отправлено",
        "message-queued" => "сообщение в очереди",
        AdminEvents.Viewed => "просмотр",
        AdminEvents.Exported => "выгрузка",
        _ => evt,
    };

    public static string MessageKind(string kind) => kind switch
    {
        "request-answer" => "ответ на запрос",
        "request-extension" => "уведомление о продлении срока",
        "request-refusal" => "мотивированный отказ",
        _ => kind,
    };

    public static string Actor(string actor) => actor switch
    {
        "person" => "субъект",
        "system" => "система",
        _ => actor,
    };

    public static string State(ConsentState state) => state switch
    {
        ConsentState.NotAsked => "не запрашивалось",
        ConsentState.Offered => "предложено",
        ConsentState.Ticked => "отмечено, не отправлено",
        ConsentState.Given => "дано",
        ConsentState.Declined => "отклонено",
        ConsentState.Withdrawn => "отозвано",
        ConsentState.NeedsRenewal => "требует обновления",
        _ => state.ToString(),
    };

    public static string Request(RequestState state) => state switch
    {
        RequestState.Received => "получен",
        RequestState.AwaitingDetails => "заполняется",
        RequestState.AwaitingIdentity => "ждёт подтверждения личности",
        RequestState.InProgress => "в работе",
        RequestState.Extended => "срок продлён",
        RequestState.Blocked => "данные заблокированы",
        RequestState.Answered => "ответ дан",
        RequestState.Refused => "отказано",
        _ => state.ToString(),
    };
}
