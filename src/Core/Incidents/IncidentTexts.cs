namespace PdBot.Core.Incidents;

/// <summary>The Russian words for incidents, shared by the console, the notices and the alerts.</summary>
public static class IncidentTexts
{
    public static string Number(long id) => $"№ {id}";

    public static string State(IncidentState state) => state switch
    {
        IncidentState.Candidate => "кандидат (не подтверждён)",
        IncidentState.Open => "зарегистрирован",
        IncidentState.NoticeSent => "уведомление (24 ч) отправлено",
        IncidentState.ResultsSent => "результаты (72 ч) отправлены",
        IncidentState.Closed => "закрыт",
        _ => "отклонён",
    };

    public static string Source(IncidentSource source) => source switch
    {
        IncidentSource.ChatReport => "сообщение субъекта в чате",
        _ => "консоль",
    };

    public static string Outcome(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Pending => "в очереди",
        DeliveryOutcome.Sent => "доставлено",
        DeliveryOutcome.Failed => "не доставлено",
        DeliveryOutcome.SkippedBlocked => "не отправлялось: заблокирован",
        _ => "не отправлялось: данные уничтожены",
    };

    public static string Event(string evt) => evt switch
    {
        IncidentEvents.Candidate => "получено сообщение о нарушении",
        IncidentEvents.Registered => "зарегистрирован",
        IncidentEvents.Edited => "изменены сведения",
        IncidentEvents.Dismissed => "отклонён",
        IncidentEvents.NoticeSent => "уведомление (24 ч) отправлено",
        IncidentEvents.ResultsSent => "результаты (72 ч) отправлены",
        IncidentEvents.Closed => "закрыт",
        IncidentEvents.Alerted => "оповещение операторов",
        IncidentEvents.AffectedSelected => "подобраны затронутые субъекты",
        IncidentEvents.ServiceNoticeQueued => "служебное уведомление субъектам",
        _ => evt,
    };

    public static string Actor(string actor) => actor switch
    {
        Requests.Actors.System => "система",
        Requests.Actors.Person => "субъект",
        _ => actor,
    };
}
