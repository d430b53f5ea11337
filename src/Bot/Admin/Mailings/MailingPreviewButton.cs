namespace PdBot.Bot.Admin.Mailings;

/// <summary>A button under a previewed mailing: a link (with its address) or the bot's «Отписаться».</summary>
public sealed record MailingPreviewButton(string Label, string? Url)
{
    public bool IsLink => Url is not null;
}
