using System.Globalization;
using System.Text.RegularExpressions;
using PdBot.Adapters.Telegram;
using PdBot.Adapters.Vk;

namespace PdBot.Bot.Admin.Subscribers;

/// <summary>
/// Subscription links for one source: Telegram's deep link (<c>/start &lt;source&gt;</c> reaches the bot) and VK's
/// vk.me link (<c>ref</c> arrives with the first message). A link is null when its setting is missing, and
/// <see cref="Missing"/> names the setting to fill in with what to put there.
/// </summary>
public sealed partial record SubscriptionLinks(string Source, string? Telegram, string? Vk, IReadOnlyList<(string Setting, string Explanation)> Missing)
{
    public const int MaxSource = 64;

    /// <summary>What Telegram accepts in a start parameter (and VK in ref): letters, digits, "_" and "-", up to 64.</summary>
    public static bool IsValidSource(string? source) => source is not null && SourcePattern().IsMatch(source);

    public static SubscriptionLinks Build(string source, TelegramOptions telegram, VkOptions vk)
    {
        ArgumentNullException.ThrowIfNull(telegram);
        ArgumentNullException.ThrowIfNull(vk);
        if (!IsValidSource(source))
        {
            throw new ArgumentException("Invalid subscription source", nameof(source));
        }

        var missing = new List<(string, string)>();
        var bot = telegram.BotUsername.Trim().TrimStart('@');
        if (bot.Length == 0)
        {
            missing.Add(("Telegram:BotUsername", "Для ссылки Telegram укажите имя бота (как в его адресе t.me/…, без «@») в настройке"));
        }

        var community = vk.Community.Trim();
        if (community.Length == 0 && vk.GroupId > 0)
        {
            community = string.Create(CultureInfo.InvariantCulture, $"club{vk.GroupId}");
        }

        if (community.Length == 0)
        {
            missing.Add(("Vk:Community", "Для ссылки ВКонтакте укажите короткое имя сообщества (как в его адресе vk.com/…) или его номер (Vk:GroupId) в настройке"));
        }

        return new SubscriptionLinks(
            source,
            bot.Length == 0 ? null : $"https://t.me/{Uri.EscapeDataString(bot)}?start={source}",
            community.Length == 0 ? null : $"https://vk.me/{Uri.EscapeDataString(community)}?ref={source}",
            missing);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SourcePattern();
}
