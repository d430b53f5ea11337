using System.Globalization;
using PdBot.Core.Labels;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.People;

/// <summary>Russian names for what the timeline shows; an unknown name is shown as stored rather than hidden.</summary>
public static class TimelineLabels
{
    public static string Kind(string kind) => kind switch
    {
        TimelineEvent.MessageSource => "сообщение",
        TimelineEvent.MailingSource => "рассылка",
        _ => RussianLabels.Kind(kind),
    };

    public static string Source(TimelineEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Source switch
        {
            TimelineEvent.AuditSource => $"журнал аудита № {e.Seq}",
            TimelineEvent.HistorySource => $"история запроса № {e.RequestId}",
            TimelineEvent.MessageSource => $"исходящее сообщение (запрос № {e.RequestId})",
            TimelineEvent.MailingSource => $"журнал доставки рассылки № {e.MailingId}",
            _ => e.Source,
        };
    }

    public static string Event(string evt) => evt switch
    {
        "message-sent" => "сообщение отправлено",
        "message-queued" => "сообщение в очереди",
        _ when evt.StartsWith(MailingEventPrefix, StringComparison.Ordinal) && Enum.TryParse<MailingDeliveryState>(evt[MailingEventPrefix.Length..], ignoreCase: true, out var state)
            => "рассылка: " + Outcome(state),
        _ => RussianLabels.Action(evt),
    };

    private const string MailingEventPrefix = "mailing-";

    /// <summary>A mailing row's event name: "mailing-sent", "mailing-skipped"…</summary>
    public static string DeliveryEvent(MailingDeliveryState state) => MailingEventPrefix + state.ToString().ToLowerInvariant();

    /// <summary>What became of a mailing for the person, in Russian.</summary>
    public static string Outcome(MailingDeliveryState state) => state switch
    {
        MailingDeliveryState.Pending => "ждёт отправки",
        MailingDeliveryState.InFlight => "отправляется",
        MailingDeliveryState.Sent => "отправлено",
        MailingDeliveryState.Failed => "не доставлено",
        MailingDeliveryState.Skipped => "не отправлено",
        MailingDeliveryState.Unknown => "исход неизвестен (отправка прервана сбоем)",
        MailingDeliveryState.Cancelled => "рассылка отменена",
        _ => state.ToString(),
    };

    /// <summary>"рассылка № 3: отправлено, сообщение 101" / "рассылка № 3: не отправлено — согласие отозвано".</summary>
    public static string DeliveryDetail(MailingDelivery d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var reason = MailingSkipReasons.Title(d.Reason);
        return string.Create(CultureInfo.InvariantCulture, $"рассылка № {d.MailingId}: {Outcome(d.State)}")
            + (reason.Length > 0 ? " — " + reason : "")
            + (d.PlatformMessageId is null ? "" : ", сообщение на платформе " + d.PlatformMessageId);
    }

}
