using PdBot.Core.Labels;

namespace PdBot.Bot.Admin.People;

/// <summary>Russian names for what the timeline shows; an unknown name is shown as stored rather than hidden.</summary>
public static class TimelineLabels
{
    public static string Kind(string kind) => kind == TimelineEvent.MessageSource ? "сообщение" : RussianLabels.Kind(kind);

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
        "message-sent" => "сообщение отправлено",
        "message-queued" => "сообщение в очереди",
        _ => RussianLabels.Action(evt),
    };

}
