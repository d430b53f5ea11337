using System.ComponentModel;

namespace PdBot.Bot.Api;

/// <summary>The body of <c>POST /api/v1/mailings</c>.</summary>
public sealed class CreateMailingRequest
{
    [Description("Текст сообщения: до 4096 символов для Telegram, до 9000 для ВКонтакте.")]
    public string? Text { get; set; }

    [Description("Тема (группа подписки) из Mailings:Topics, например «promo».")]
    public string? Topic { get; set; }

    [Description("Каналы: «vk», «telegram» или оба.")]
    public List<string>? Channels { get; set; }

    [Description("«advertising» (рекламная) или «informational» (информационная).")]
    public string? Kind { get; set; }

    [Description("Когда отправить: ISO 8601 со смещением (2026-12-01T12:00:00+03:00); не указано — сейчас (в разрешённые часы).")]
    public string? SendAt { get; set; }

    [Description("Кнопки-ссылки под сообщением (до 5); «Отписаться» добавляется всегда.")]
    public List<MailingButton>? Buttons { get; set; }
}
