using PdBot.Core.Turns;

namespace PdBot.Core.Mailings;

/// <summary>
/// A mailing as the person sees it: the text, its link buttons and, always last, «Отписаться» (policy 5.2.1; 38-FZ
/// Art. 18: stopping must be as easy as one press). A link button's payload is "url:{address}": the adapters render it
/// as a link (Telegram url button, VK open_link).
/// </summary>
public static class MailingMessage
{
    public const string UnsubscribeLabel = "Отписаться";

    /// <summary>The bot's own unsubscribe payload (<c>Payload.Unsubscribe</c> in the conversation).</summary>
    public const string UnsubscribePayload = "unsubscribe";

    public const string UrlPrefix = "url:";

    public static BotMessage Build(Mailing mailing)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        var rows = new List<IReadOnlyList<Button>>();
        rows.AddRange(mailing.Links.Select(l => (IReadOnlyList<Button>)[new Button(l.Label, UrlPrefix + l.Url)]));
        rows.Add([new Button(UnsubscribeLabel, UnsubscribePayload)]);
        return new BotMessage(mailing.Text, rows);
    }

    /// <summary>The address of a link button, or null for an ordinary button.</summary>
    public static string? UrlOf(Button button)
    {
        ArgumentNullException.ThrowIfNull(button);
        return button.Payload.StartsWith(UrlPrefix, StringComparison.Ordinal) ? button.Payload[UrlPrefix.Length..] : null;
    }
}
