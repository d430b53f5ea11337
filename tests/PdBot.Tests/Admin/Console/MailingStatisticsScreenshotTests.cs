using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Mailings;

namespace PdBot.Tests.Admin.Console;

/// <summary>The picture of a finished mailing's statistics page in the README: docs/mailing-statistics.png.</summary>
public sealed class MailingStatisticsScreenshotTests
{
    private const int Recipients = 1240;
    private const int Unsubscribers = 17;

    [ScreenshotFact]
    public async Task A_finished_mailings_statistics_page_is_saved_as_docs_mailing_statistics_png()
    {
        await using var host = await ConsoleHost.StartAsync();
        var unsubscribing = await MailingPagesHttpTests.PeopleAsync(host, "90", Unsubscribers);
        var mailing = await MailingLedgerSeed.ScheduledAsync(host);
        var outcomes = new List<(string, string, MailingDeliveryState, string?)>();
        outcomes.AddRange(unsubscribing.Select(p => (p, MailingChannels.Telegram, MailingDeliveryState.Sent, (string?)null)));
        for (var i = outcomes.Count; i < Recipients; i++)
        {
            // Others need no stored person: the statistics count the ledger.
            var person = Guid.CreateVersion7(host.Clock.GetUtcNow().AddSeconds(-i)).ToString("N");
            var channel = i % 5 < 2 ? MailingChannels.Vk : MailingChannels.Telegram;
            outcomes.Add(i switch
            {
                < 1180 => (person, channel, MailingDeliveryState.Sent, null),
                < 1198 => (person, MailingChannels.Telegram, MailingDeliveryState.Failed, MailingSkipReasons.BotBlocked),
                < 1207 => (person, MailingChannels.Vk, MailingDeliveryState.Failed, MailingSkipReasons.Denied),
                < 1210 => (person, channel, MailingDeliveryState.Failed, "500"),
                < 1232 => (person, channel, MailingDeliveryState.Skipped, MailingSkipReasons.Withdrawn),
                < 1238 => (person, channel, MailingDeliveryState.Skipped, MailingSkipReasons.NeedsRenewal),
                _ => (person, MailingChannels.Telegram, MailingDeliveryState.Unknown, null),
            });
        }

        await MailingLedgerSeed.StartAsync(host, mailing.Id, outcomes);
        host.Clock.Advance(TimeSpan.FromMinutes(7));
        Assert.True((await host.Services.GetRequiredService<MailingService>().FinishAsync(mailing.Id)).Ok);
        for (var i = 0; i < Unsubscribers; i++)
        {
            await host.Chat(string.Create(CultureInfo.InvariantCulture, $"90{i:D3}")).Send("Отписаться").SkipReplies().StartTestAsync();
        }

        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin);
        browser.Driver.Manage().Window.Size = new System.Drawing.Size(1400, 1560);
        browser.Open($"/admin/mailings/{mailing.Id}");

        string[] ids = ["recipients", "sent", "failed", "failed-blocked", "skipped", "unknown", "unsubscribed"];
        Assert.Equal(["1 240", "1 180", "30", "27", "28", "2", "17"], ids.Select(id => browser.Find("#stat-" + id).Text.Replace('\u00a0', ' ')));
        Assert.Equal(nameof(MailingState.Completed), browser.Find("#state").GetAttribute("data-state"));
        var path = browser.Screenshot("mailing-statistics-docs");
        File.Copy(path, Path.Combine(RepositoryRoot(), "docs", "mailing-statistics.png"), overwrite: true);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PdBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PdBot.sln not found above the test output folder");
    }
}
