using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.Mailings;
using PdBot.Core.Consent;
using PdBot.Core.Mailings;

namespace PdBot.Tests.Mailings;

/// <summary>People with a mailing consent in a real store, and mailings started through <see cref="MailingService"/> as the runner starts them.</summary>
internal static class MailingTestData
{
    public const string Text = "Скидка 20 % на чистку зубов до конца месяца.";
    public const string Topic = "promo";

    public enum ConsentAs
    {
        Given,
        OfferedOnly,
        Withdrawn,
    }

    /// <summary>A person of <paramref name="channel"/> with the mailing consent in the state asked for (and these topics, null: all).</summary>
    public static async Task<string> PersonAsync(IServiceProvider services, string channel, long userId, ConsentAs consent = ConsentAs.Given, string[]? topics = null)
    {
        var store = services.GetRequiredService<IConsentStore>();
        var catalog = services.GetRequiredService<ConsentCatalog>();
        var time = services.GetRequiredService<TimeProvider>();
        var id = userId.ToString(CultureInfo.InvariantCulture);
        var mailing = catalog.Mailing.Id;
        var session = ConsentSession.Open(store, catalog, time, channel, id, id);
        session.Offer(mailing);
        if (consent != ConsentAs.OfferedOnly)
        {
            Assert.True(session.Tick(mailing) && session.Submit(mailing, "seed"));
        }

        if (consent == ConsentAs.Withdrawn)
        {
            Assert.True(session.Withdraw(mailing, "seed-stop"));
        }

        await session.SaveAsync();
        if (topics is not null)
        {
            var record = store.RecordsOf(session.Person.Id).Single(r => r.PurposeId == mailing);
            record.Topics = [.. topics];
            await store.SaveAsync(session.Person, false, [record], []);
        }

        return session.Person.Id;
    }

    /// <summary>Creates, schedules and starts a mailing with one pending row per person given (the runner's audience).</summary>
    public static async Task<Mailing> StartAsync(IServiceProvider services, string channel, IEnumerable<string> personIds, MailingKind kind = MailingKind.Advertising, string text = Text)
    {
        var service = services.GetRequiredService<MailingService>();
        var actor = new MailingActor("admin", IsAdmin: true);
        var created = await service.CreateAsync(new MailingDraft(text, Topic, [channel], kind, null, [new MailingLink { Label = "Записаться", Url = "https://clinic.example/promo" }]), actor);
        Assert.Empty(created.Errors);
        var id = created.Mailing!.Id;
        Assert.Empty((await service.SubmitAsync(id, actor)).Errors);
        var mailing = services.GetRequiredService<IMailingStore>().Find(id)!;
        var rows = personIds.Select(p => new MailingDelivery { Id = MailingDelivery.MakeId(id, p), MailingId = id, PersonId = p, Channel = channel }).ToList();
        var started = await service.StartAsync(mailing, rows);
        Assert.Empty(started.Errors);
        return started.Mailing!;
    }

    public static IMailingChannel Sender(IServiceProvider services, string channel) =>
        services.GetServices<IMailingChannel>().Single(c => c.Channel == channel);

    public static Dictionary<string, MailingDelivery> Ledger(IServiceProvider services, long mailingId) =>
        services.GetRequiredService<IMailingStore>().Deliveries(mailingId).ToDictionary(r => r.PersonId, StringComparer.Ordinal);
}
