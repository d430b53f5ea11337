namespace PdBot.Core.Mailings;

/// <summary>The channels a mailing can go to and their message limits.</summary>
public static class MailingChannels
{
    public const string Telegram = "telegram";
    public const string Vk = "vk";

    public static readonly IReadOnlyList<string> All = [Vk, Telegram];

    /// <summary>Telegram allows 4,096 characters in a message, VK 9,000.</summary>
    public static int TextLimit(string channel) => channel switch
    {
        Telegram => 4096,
        Vk => 9000,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown mailing channel"),
    };

    /// <summary>«ВКонтакте», «Telegram».</summary>
    public static string Title(string channel) => channel switch
    {
        Telegram => "Telegram",
        Vk => "ВКонтакте",
        _ => channel,
    };
}
