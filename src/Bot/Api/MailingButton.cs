using System.ComponentModel;

namespace PdBot.Bot.Api;

/// <summary>A link button under a mailing message, as the API takes it.</summary>
public sealed class MailingButton
{
    [Description("Надпись на кнопке, до 40 символов.")]
    public string? Label { get; set; }

    [Description("Полная ссылка http(s)://…")]
    public string? Url { get; set; }
}
