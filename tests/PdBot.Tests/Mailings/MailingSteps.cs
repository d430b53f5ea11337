using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;

namespace PdBot.Tests.Mailings;

/// <summary>A mailing written the way the runner writes one, through <see cref="MailingService"/>, for the tests that read mailings back.</summary>
public static class MailingSteps
{
    public static readonly MailingActor Admin = new("admin", IsAdmin: true);

    public const string Text = "Скидка 20 % на чек-ап до конца месяца";

    public static MailingDraft Draft(string topic = "promo", DateTimeOffset? sendAt = null) =>
        new(Text, topic, [MailingChannels.Telegram], MailingKind.Advertising, sendAt, []);

    /// <summary>Created, scheduled, started with one ledger row per person, sent to each (message ids 101, 102…) and completed.</summary>
    public static async Task<Mailing> SendCompletedAsync(this PdBotTestHost host, IReadOnlyList<string> personIds, string topic = "promo")
    {
        ArgumentNullException.ThrowIfNull(host);
        var service = host.Services.GetRequiredService<MailingService>();
        var store = host.Services.GetRequiredService<IMailingStore>();
        var created = await service.CreateAsync(Draft(topic), Admin);
        var id = Assert.IsType<Mailing>(created.Mailing).Id;
        Assert.True((await service.SubmitAsync(id, Admin)).Ok);
        var rows = personIds.Select(p => new MailingDelivery { Id = MailingDelivery.MakeId(id, p), MailingId = id, PersonId = p, Channel = MailingChannels.Telegram }).ToList();
        Assert.True((await service.StartAsync(store.Find(id)!, rows)).Ok);

        var mailing = host.Catalog.Mailing;
        var sent = store.Deliveries(id);
        for (var i = 0; i < sent.Count; i++)
        {
            (sent[i].State, sent[i].AtUtc, sent[i].PlatformMessageId) = (MailingDeliveryState.Sent, host.Clock.GetUtcNow().UtcDateTime, (101 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            (sent[i].ConsentVersion, sent[i].ConsentTextHash) = (mailing.Version, ConsentText.Sha256Hex(mailing.Text));
        }

        await store.SaveDeliveriesAsync(sent);
        Assert.True((await service.FinishAsync(id)).Ok);
        return store.Find(id)!;
    }
}
