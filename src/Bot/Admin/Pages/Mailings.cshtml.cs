using PdBot.Bot.Admin.Mailings;
using PdBot.Core.Mailings;

namespace PdBot.Bot.Admin.Pages;

/// <summary>Every mailing, newest first: state, topic, channels, kind, time, recipients and how many were sent.</summary>
public sealed class MailingsModel(MailingService mailings, IMailingStore store, TimeProvider time) : AdminPageModel
{
    public IReadOnlyList<Mailing> All { get; private set; } = [];

    public MailingOptions Options => mailings.Options;

    public string HoursNow => MailingQuietHoursNote.Now(mailings.Hours, time.GetUtcNow());

    public void OnGet() => All = store.All();

    public string? QuietNote(Mailing mailing) => MailingQuietHoursNote.For(mailing, mailings.Hours, time.GetUtcNow());

    /// <summary>When it went out, or when it is to go.</summary>
    public static string When(Mailing mailing)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        return mailing.StartedAtUtc is { } started ? AdminFormat.Time(started)
            : mailing.SendAtUtc is { } at ? AdminFormat.Time(at)
            : mailing.Finished ? "—" : "сразу после планирования";
    }

    public int Sent(Mailing mailing)
    {
        ArgumentNullException.ThrowIfNull(mailing);
        return store.Deliveries(mailing.Id, MailingDeliveryState.Sent).Count;
    }
}
