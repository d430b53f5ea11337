namespace PdBot.Core.Mailings;

/// <summary>Why a recipient was skipped or failed (<see cref="MailingDelivery.Reason"/>), and how the console says it.</summary>
public static class MailingSkipReasons
{
    public const string NoConsent = "no-consent";
    public const string Withdrawn = "withdrawn";
    public const string NeedsRenewal = "needs-renewal";
    public const string Unreachable = "unreachable";
    public const string PersonBlocked = "person-blocked";
    public const string Erased = "erased";
    public const string Topic = "topic";

    /// <summary>Failed: Telegram 403 (the bot is blocked).</summary>
    public const string BotBlocked = "bot-blocked";

    /// <summary>Failed: VK 901/902/900 (messages denied, privacy, blacklist).</summary>
    public const string Denied = "denied";

    public static string Title(string? reason) => reason switch
    {
        NoConsent => "нет согласия",
        Withdrawn => "согласие отозвано",
        NeedsRenewal => "согласие требует обновления",
        Unreachable => "недоступен",
        PersonBlocked => "обработка заблокирована",
        Erased => "данные уничтожены",
        Topic => "не подписан на тему",
        BotBlocked => "заблокировал бота",
        Denied => "запретил сообщения",
        null or "" => "",
        _ => reason,
    };
}
