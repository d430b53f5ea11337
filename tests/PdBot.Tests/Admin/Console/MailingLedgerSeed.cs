using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;

namespace PdBot.Tests.Admin.Console;

/// <summary>
/// Makes mailings and their delivery ledgers the way the runner will (which is written separately): the "started"
/// transition through <see cref="MailingService.StartAsync"/>, then each row's outcome saved through the store.
/// </summary>
public static class MailingLedgerSeed
{
    public static readonly MailingDraft Promo = new(
        "Весенняя акция: скидка 20 % на УЗИ.\nЗапись по телефону или по кнопке ниже.", "promo", [MailingChannels.Telegram, MailingChannels.Vk],
        MailingKind.Advertising, null, [new MailingLink { Label = "Записаться", Url = "https://medaclinic.ru/zapis" }]);

    /// <summary>A mailing submitted (and approved, under four-eyes) so it is scheduled.</summary>
    public static async Task<Mailing> ScheduledAsync(ConsoleHost host, MailingDraft? draft = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var service = host.Services.GetRequiredService<MailingService>();
        var created = await service.CreateAsync(draft ?? Promo, new MailingActor(ConsoleHost.OperatorLogin, false));
        Assert.True(created.Ok, string.Join(" ", created.Errors));
        var result = await service.SubmitAsync(created.Mailing!.Id, new MailingActor(ConsoleHost.OperatorLogin, false));
        if (result.Mailing?.State == MailingState.AwaitingApproval)
        {
            result = await service.ApproveAsync(created.Mailing.Id, new MailingActor(ConsoleHost.AdminLogin, true));
        }

        Assert.Equal(MailingState.Scheduled, result.Mailing!.State);
        return result.Mailing;
    }

    /// <summary>Starts the mailing with one row per (person, outcome) and records the outcomes at the host's clock.</summary>
    public static async Task<IReadOnlyList<MailingDelivery>> StartAsync(ConsoleHost host, long mailingId, IReadOnlyList<(string PersonId, string Channel, MailingDeliveryState State, string? Reason)> outcomes)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(outcomes);
        var service = host.Services.GetRequiredService<MailingService>();
        var store = host.Services.GetRequiredService<IMailingStore>();
        var mailing = store.Find(mailingId)!;
        var rows = outcomes.Select(o => new MailingDelivery
        {
            Id = MailingDelivery.MakeId(mailingId, o.PersonId),
            MailingId = mailingId,
            PersonId = o.PersonId,
            Channel = o.Channel,
        }).ToList();
        var started = await service.StartAsync(mailing, rows);
        Assert.True(started.Ok, string.Join(" ", started.Errors));

        var catalog = host.Services.GetRequiredService<ConsentCatalog>();
        var text = host.Services.GetRequiredService<IConsentStore>().FindText(catalog.Mailing.Id, catalog.Mailing.Version);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var n = 0;
        foreach (var (row, outcome) in rows.Zip(outcomes))
        {
            (row.State, row.Reason, row.AtUtc) = (outcome.State, outcome.Reason, outcome.State == MailingDeliveryState.Pending ? null : now);
            if (outcome.State is MailingDeliveryState.Sent or MailingDeliveryState.Failed or MailingDeliveryState.Unknown)
            {
                (row.ConsentVersion, row.ConsentTextHash) = (catalog.Mailing.Version, text?.Hash);
            }

            if (outcome.State == MailingDeliveryState.Sent)
            {
                row.PlatformMessageId = (++n * 7919).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        await store.SaveDeliveriesAsync(rows);
        return rows;
    }
}
