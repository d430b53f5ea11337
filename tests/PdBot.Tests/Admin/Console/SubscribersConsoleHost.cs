using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Consent;

namespace PdBot.Tests.Admin.Console;

/// <summary>
/// A shared console host with the subscription-link settings and six people over four days (the clock starts
/// 23.11.2026 12:00 МСК): subscriptions 3 on the 23rd, 1 on the 24th, 1 on the 26th; unsubscriptions on the 24th and 26th.
/// </summary>
public sealed class SubscribersConsoleHost : SharedConsoleHost
{
    public const string BotUsername = "meda_clinic_bot";
    public const string Community = "medaclinic";

    protected override string[] Args => ["--Telegram:BotUsername", "@" + BotUsername, "--Vk:Community", Community];

    /// <summary>Platform user id → pseudonymous person id.</summary>
    public Dictionary<string, string> People { get; } = new(StringComparer.Ordinal);

    protected override async Task SeedAsync(ConsoleHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        await host.GiveMailingConsentAsync("8001");
        await host.GiveMailingConsentAsync("8002");
        await host.GiveMailingConsentAsync("8003", "vk");
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.GiveMailingConsentAsync("8004");
        await host.Chat("8001").Send("Отписаться").SkipReplies().StartTestAsync();
        host.Clock.Advance(TimeSpan.FromDays(2));
        await host.GiveMailingConsentAsync("8005", "vk");
        await host.Chat("8002").Send("Отписаться").SkipReplies().StartTestAsync();
        await host.Chat("8006").Send("/start").SkipReplies().StartTestAsync();

        var store = host.Services.GetRequiredService<IConsentStore>();
        foreach (var (channel, user) in new[] { ("telegram", "8001"), ("telegram", "8002"), ("vk", "8003"), ("telegram", "8004"), ("vk", "8005"), ("telegram", "8006") })
        {
            People[user] = store.FindPerson(channel, user)!.Id;
        }

        // Sources and topics as the bot will record them (the source from a subscription link, topics from its menu).
        await SetAsync(store, People["8001"], "poster-reception", null);
        await SetAsync(store, People["8002"], "site", null);
        await SetAsync(store, People["8003"], null, ["promo"]);
        await SetAsync(store, People["8004"], "poster-reception", ["news"]);
    }

    private static async Task SetAsync(IConsentStore store, string personId, string? source, List<string>? topics)
    {
        var person = store.FindPersonById(personId)!;
        person.Source = source;
        var mailing = store.RecordsOf(personId).Single(r => r.PurposeId == "mailing");
        mailing.Topics = topics;
        await store.SaveAsync(person, personChanged: true, [mailing], []);
    }
}
