using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Mailings;

/// <summary>
/// A mailing as one platform will show it, built from the very message the sender sends
/// (<see cref="MailingMessage.Build"/>): the text, its link buttons, «Отписаться», and the length against the limit.
/// </summary>
public sealed record MailingPreview(string Channel, string Text, IReadOnlyList<MailingPreviewButton> Buttons, int Length, int Limit)
{
    public string Title => MailingChannels.Title(Channel);

    public bool TooLong => Length > Limit;

    /// <summary>One preview per chosen channel; both platforms when none is chosen yet.</summary>
    public static IReadOnlyList<MailingPreview> For(Mailing mailing)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        var message = MailingMessage.Build(mailing);
        var buttons = message.Buttons.SelectMany(row => row)
            .Select(b => new MailingPreviewButton(b.Label, MailingMessage.UrlOf(b)))
            .ToList();
        var channels = mailing.Channels.Count == 0 ? MailingChannels.All : mailing.Channels;
        return [.. channels.Select(c => new MailingPreview(c, message.Text, buttons, message.Text.Length, MailingChannels.TextLimit(c)))];
    }
}
