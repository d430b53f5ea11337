using System.Globalization;
using PdBot.Core.Consent;

namespace PdBot.Bench.Webhook;

/// <summary>Puts people with a known mailing consent into the store through the real Core API, before the host runs.</summary>
internal static class ConsentSeeder
{
    /// <summary>A person who gave the mailing consent (offered, ticked, submitted).</summary>
    public static Task SubscribedAsync(BotUnderTest bot, long userId) => SeedAsync(bot, userId, submit: true);

    /// <summary>A person looking at the mailing prompt (offered, nothing pressed yet).</summary>
    public static Task OfferedAsync(BotUnderTest bot, long userId) => SeedAsync(bot, userId, submit: false);

    private static async Task SeedAsync(BotUnderTest bot, long userId, bool submit)
    {
        var id = userId.ToString(CultureInfo.InvariantCulture);
        var mailing = bot.Catalog.Mailing.Id;
        var session = ConsentSession.Open(bot.Store, bot.Catalog, TimeProvider.System, "telegram", id, id);
        session.Offer(mailing);
        if (submit && !(session.Tick(mailing) && session.Submit(mailing, "seed")))
        {
            throw new InvalidOperationException("Seeding could not give the mailing consent.");
        }

        await session.SaveAsync();
    }
}
