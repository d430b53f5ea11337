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
    public static Task<Mailing> SendCompletedAsync(this PdBotTestHost host, IReadOnlyList<string> personIds, string topic = "promo")
    {
        ArgumentNullException.ThrowIfNull(host);
        return SendCompletedAsync(host.Services, host.Clock, personIds, topic);
    }

    /// <param name="skipped">People whose turn came after their withdrawal: skipped, no message.</param>
    public static async Task<Mailing> SendCompletedAsync(IServiceProvider services, TimeProvider clock, IReadOnlyList<string> personIds, string topic = "promo", IReadOnlyCollection<string>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clock);
        var service = services.GetRequiredService<MailingService>();
        var store = services.GetRequiredService<IMailingStore>();
        var created = await service.CreateAsync(Draft(topic), Admin);
        var id = Assert.IsType<Mailing>(created.Mailing).Id;
        Assert.True((await service.SubmitAsync(id, Admin)).Ok);
        var rows = personIds.Select(p => new MailingDelivery { Id = MailingDelivery.MakeId(id, p), MailingId = id, PersonId = p, Channel = MailingChannels.Telegram }).ToList();
        Assert.True((await service.StartAsync(store.Find(id)!, rows)).Ok);

        var mailing = services.GetRequiredService<ConsentCatalog>().Mailing;
        var done = store.Deliveries(id);
        for (var i = 0; i < done.Count; i++)
        {
            var row = done[i];
            row.AtUtc = clock.GetUtcNow().UtcDateTime;
            if (skipped?.Contains(row.PersonId) == true)
            {
                (row.State, row.Reason) = (MailingDeliveryState.Skipped, MailingSkipReasons.Withdrawn);
                continue;
            }

            (row.State, row.PlatformMessageId) = (MailingDeliveryState.Sent, (101 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            (row.ConsentVersion, row.ConsentTextHash) = (mailing.Version, ConsentText.Sha256Hex(mailing.Text));
        }

        await store.SaveDeliveriesAsync(done);
        Assert.True((await service.FinishAsync(id)).Ok);
        return store.Find(id)!;
    }
}
