using PdBot.Core.Labels;
using PdBot.Core.Admin;
using PdBot.Core.Audit;
using PdBot.Core.Consent;
using PdBot.Core.Requests;

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

    public static string MessageKind(string kind) => RussianLabels.MessageKind(kind);

    public static string Actor(string actor) => RussianLabels.Actor(actor);

    public static string State(ConsentState state) => RussianLabels.State(state);

    public static string Request(RequestState state) => RussianLabels.State(state);
}
