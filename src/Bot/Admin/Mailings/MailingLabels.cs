using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Mailings;

/// <summary>How the console names a mailing's kind, channels, topic, actions and ledger outcomes.</summary>
public static class MailingLabels
{
    public static string Kind(MailingKind kind) => kind switch
    {
        MailingKind.Advertising => "рекламная",
        MailingKind.Informational => "информационная",
        _ => kind.ToString(),
    };

    /// <summary>«ВКонтакте, Telegram».</summary>
    public static string Channels(IEnumerable<string> channels) => string.Join(", ", channels.Select(MailingChannels.Title));

    /// <summary>The topic's title from <c>Mailings:Topics</c>; its id when it is no longer configured.</summary>
    public static string Topic(MailingOptions options, string? topic)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrEmpty(topic) ? "все подписчики" : options.FindTopic(topic)?.Title ?? topic;
    }

    /// <summary>The button of an action in the console.</summary>
    public static string Trigger(MailingTrigger trigger) => trigger switch
    {
        MailingTrigger.Submit => "Запланировать",
        MailingTrigger.Approve => "Одобрить",
        MailingTrigger.Reject => "Вернуть на доработку",
        MailingTrigger.Pause => "Пауза",
        MailingTrigger.Resume => "Продолжить",
        MailingTrigger.Cancel => "Отменить",
        MailingTrigger.Start => "Начать",
        MailingTrigger.Complete => "Завершить",
        _ => trigger.ToString(),
    };

    /// <summary>What happened to one recipient, as the ledger export says it.</summary>
    public static string Outcome(MailingDeliveryState state) => state switch
    {
        MailingDeliveryState.Pending => "ожидает",
        MailingDeliveryState.InFlight => "отправляется",
        MailingDeliveryState.Sent => "отправлено",
        MailingDeliveryState.Failed => "не доставлено",
        MailingDeliveryState.Skipped => "пропущено",
        MailingDeliveryState.Unknown => "неизвестно",
        MailingDeliveryState.Cancelled => "отменено",
        _ => state.ToString(),
    };
}
