using System.Globalization;
using PdBot.Core.Calendar;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Mailings;

/// <summary>
/// The compose form as posted: five link slots (blank ones ignored), the send time as the clinic's local
/// date-time. Turned into a <see cref="MailingDraft"/> for the service, and filled back from a stored draft.
/// </summary>
public sealed class MailingForm
{
    /// <summary>The form always shows this many label + address slots.</summary>
    public const int LinkSlots = MailingService.MaxLinks;

    /// <summary>The value format of an &lt;input type="datetime-local"&gt;.</summary>
    public const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    public string? Text { get; set; }

    public List<string?> LinkLabels { get; set; } = [];

    public List<string?> LinkUrls { get; set; } = [];

    public string? Topic { get; set; }

    public List<string> Channels { get; set; } = [];

    public MailingKind Kind { get; set; } = MailingKind.Advertising;

    /// <summary>False: send as soon as it is scheduled; true: at <see cref="SendAt"/>.</summary>
    public bool Later { get; set; }

    /// <summary>Clinic-local (Moscow) date-time, "2026-12-01T10:00".</summary>
    public string? SendAt { get; set; }

    public string Label(int slot) => slot < LinkLabels.Count ? LinkLabels[slot] ?? "" : "";

    public string Url(int slot) => slot < LinkUrls.Count ? LinkUrls[slot] ?? "" : "";

    /// <summary>The draft for the service, or the form's own problems (the send time) in Russian.</summary>
    public (MailingDraft Draft, IReadOnlyList<string> Errors) ToDraft()
    {
        var errors = new List<string>();
        DateTimeOffset? at = null;
        if (Later)
        {
            if (string.IsNullOrWhiteSpace(SendAt)
                || !DateTime.TryParseExact(SendAt.Trim(), LocalFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                errors.Add("Укажите дату и время отправки (по московскому времени) или выберите «Сразу».");
            }
            else
            {
                at = new DateTimeOffset(local, ClinicTime.Zone.GetUtcOffset(local));
            }
        }

        var links = Enumerable.Range(0, LinkSlots)
            .Where(i => !string.IsNullOrWhiteSpace(Label(i)) || !string.IsNullOrWhiteSpace(Url(i)))
            .Select(i => new MailingLink { Label = Label(i).Trim(), Url = Url(i).Trim() })
            .ToList();

        // Slots past the fifth cannot come from the page, only from a forged post: the service refuses them.
        links.AddRange(LinkLabels.Skip(LinkSlots).Select(l => new MailingLink { Label = l ?? "", Url = "" }));
        // Browsers post a textarea's line breaks as CRLF; the platforms count one character for each.
        var text = (Text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        var draft = new MailingDraft(text, Topic ?? "", Channels, Kind, at, links);
        return (draft, errors);
    }

    /// <summary>A mailing built from the form for the preview only (never stored).</summary>
    public Mailing ToPreview()
    {
        var draft = ToDraft().Draft;
        return new Mailing
        {
            Text = draft.Text,
            Links = [.. draft.Links.Take(LinkSlots)],
            Topic = draft.Topic,
            Channels = [.. draft.Channels.Where(c => MailingChannels.All.Contains(c, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal)],
            Kind = draft.Kind,
        };
    }

    public static MailingForm From(Mailing mailing)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        return new MailingForm
        {
            Text = mailing.Text,
            LinkLabels = [.. mailing.Links.Select(l => (string?)l.Label)],
            LinkUrls = [.. mailing.Links.Select(l => (string?)l.Url)],
            Topic = mailing.Topic,
            Channels = [.. mailing.Channels],
            Kind = mailing.Kind,
            Later = mailing.SendAtUtc is not null,
            SendAt = mailing.SendAtUtc is { } utc ? LocalValue(utc) : null,
        };
    }

    /// <summary>A UTC instant as the value of a datetime-local input in clinic time.</summary>
    public static string LocalValue(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), ClinicTime.Zone).ToString(LocalFormat, CultureInfo.InvariantCulture);
}
