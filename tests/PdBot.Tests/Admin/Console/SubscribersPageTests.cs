using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using PdBot.Core.Admin;
using PdBot.Core.Consent;

namespace PdBot.Tests.Admin.Console;

/// <summary>The subscribers page in headless Chromium: filters, the audited CSV, the server-drawn chart, the link builder with QR codes.</summary>
public sealed class SubscribersPageTests(SubscribersConsoleHost shared) : IClassFixture<SubscribersConsoleHost>
{
    private ConsoleHost Host => shared.Host;

    [Fact]
    public void Filters_narrow_the_people_to_a_channel_a_mailing_consent_state_a_topic_and_a_source()
    {
        var oleg = shared.Browser(ConsoleHost.OperatorLogin);
        oleg.Open("/admin/subscribers");
        Assert.Equal("active", oleg.Find("header nav a[href='/admin/subscribers']").GetAttribute("class"));
        Assert.Equal(People("8001", "8002", "8003", "8004", "8005", "8006"), Shown(oleg));

        oleg.Select("#f-channel", "vk");
        oleg.ClickAndWait("#apply-filters");
        Assert.Equal(People("8003", "8005"), Shown(oleg));

        oleg.Open("/admin/subscribers?state=Given");
        Assert.Equal(People("8003", "8004", "8005"), Shown(oleg));
        oleg.Open("/admin/subscribers?state=Withdrawn");
        Assert.Equal(People("8001", "8002"), Shown(oleg));

        // 8003 follows «Акции» only; 8005 chose no topics, so follows every one.
        oleg.Open("/admin/subscribers?state=Given&topic=news");
        Assert.Equal(People("8004", "8005"), Shown(oleg));
        Assert.Equal("Новости клиники", oleg.Find($"tr[data-person='{shared.People["8004"]}'] .topics").Text);
        Assert.Equal("все темы", oleg.Find($"tr[data-person='{shared.People["8005"]}'] .topics").Text);

        oleg.Open("/admin/subscribers?source=poster-reception");
        Assert.Equal(People("8001", "8004"), Shown(oleg));

        oleg.Open("/admin/subscribers?state=Sideways");
        Assert.Contains("Неизвестное состояние", oleg.PageText, StringComparison.Ordinal);
        Assert.Empty(oleg.FindAll("tr.subscriber-row"));
        Assert.Contains(Host.AdminEntries(AdminEvents.Viewed), e => e.Actor == ConsoleHost.OperatorLogin && e.Detail == "subscribers (channel=vk)");
    }

    [Fact]
    public async Task The_csv_holds_the_current_subscribers_under_the_filters_and_every_download_is_audited()
    {
        var irina = await shared.ClientAsync(ConsoleHost.AuditorLogin);
        var before = Host.AdminEntries(AdminEvents.Exported).Count;

        var all = Lines(await irina.GetTextAsync("/admin/subscribers/export"));
        var news = Lines(await irina.GetTextAsync("/admin/subscribers/export?topic=news"));

        var catalog = Host.Services.GetRequiredService<ConsentCatalog>();
        var record = Host.Services.GetRequiredService<IConsentStore>().RecordsOf(shared.People["8004"]).Single(r => r.PurposeId == catalog.Mailing.Id);
        Assert.Equal("person_id,channel,topics,source,subscribed_at,consent_version,consent_text_hash", all[0]);
        Assert.Equal(People("8003", "8004", "8005"), [.. all.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal)]);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{shared.People["8004"]},telegram,news,poster-reception,2026-11-24T09:00:00.000Z,{record.TextVersion},{record.TextHash}"), all);
        Assert.Contains(all, l => l.StartsWith(shared.People["8003"] + ",vk,promo,,", StringComparison.Ordinal));
        Assert.Contains(all, l => l.StartsWith(shared.People["8005"] + ",vk,*,,", StringComparison.Ordinal));
        Assert.Equal(People("8004", "8005"), [.. news.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal)]);
        var exports = Host.AdminEntries(AdminEvents.Exported).Skip(before).ToList();
        Assert.Equal(["subscribers CSV (mailing-state=Given)", "subscribers CSV (mailing-state=Given, topic=news)"], exports.Select(e => e.Detail));
        Assert.All(exports, e => Assert.Equal(ConsoleHost.AuditorLogin, e.Actor));
    }

    [Fact]
    public void The_chart_is_an_svg_drawn_on_the_server_with_each_days_subscriptions_and_unsubscriptions()
    {
        var anna = shared.Browser(ConsoleHost.AdminLogin);
        anna.Open("/admin/subscribers");

        var days = anna.FindAll("#subscription-chart g.day");
        Assert.Equal(90, days.Count);
        Assert.Equal("2026-11-26", days[^1].GetAttribute("data-date"));
        Assert.Equal("2026-08-29", days[0].GetAttribute("data-date"));
        var counts = days.ToDictionary(d => d.GetAttribute("data-date") ?? "", d => (d.GetAttribute("data-given") ?? "", d.GetAttribute("data-withdrawn") ?? ""));
        Assert.Equal(("3", "0"), counts["2026-11-23"]);
        Assert.Equal(("1", "1"), counts["2026-11-24"]);
        Assert.Equal(("0", "0"), counts["2026-11-25"]);
        Assert.Equal(("1", "1"), counts["2026-11-26"]);
        Assert.Equal(5, counts.Values.Sum(c => int.Parse(c.Item1, CultureInfo.InvariantCulture)));
        Assert.Equal(("5", "2"), (anna.Find("#chart-given").Text, anna.Find("#chart-withdrawn").Text));

        // Drawn, not scripted: the bars have height, and the page carries no script at all.
        var bar = anna.Find("g.day[data-date='2026-11-23'] rect.given");
        Assert.True(bar.Size.Height > 50, bar.Size.ToString());
        Assert.Empty(anna.FindAll("script"));
        Assert.Equal("23.11.2026: подписались 3, отписались 0", anna.Find("g.day[data-date='2026-11-23'] title").GetAttribute("textContent"));
    }

    [Fact]
    public void The_link_builder_makes_a_telegram_and_a_vk_link_for_a_source_each_with_a_qr_code()
    {
        var oleg = shared.Browser(ConsoleHost.OperatorLogin);
        oleg.Open("/admin/subscribers");
        oleg.Find("#link-source").SendKeys("poster-reception");

        oleg.ClickAndWait("#make-links");

        Assert.Equal($"https://t.me/{SubscribersConsoleHost.BotUsername}?start=poster-reception", oleg.Find("#link-telegram .link-url").GetAttribute("href"));
        Assert.Equal($"https://vk.me/{SubscribersConsoleHost.Community}?ref=poster-reception", oleg.Find("#link-vk .link-url").GetAttribute("href"));
        Assert.Empty(oleg.FindAll(".link-missing"));
        foreach (var card in new[] { "#link-telegram", "#link-vk" })
        {
            var img = oleg.Find(card + " img.qr");
            var src = img.GetAttribute("src") ?? "";
            Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal);
            var png = Convert.FromBase64String(src["data:image/png;base64,".Length..]);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

            // The browser decoded and showed it (the console's CSP allows data: images).
            Assert.True(Convert.ToInt64(((IJavaScriptExecutor)oleg.Driver).ExecuteScript("return arguments[0].naturalWidth;", img), CultureInfo.InvariantCulture) > 100);
        }

        oleg.Screenshot("subscribers-links");
        Assert.NotEqual(oleg.Find("#link-telegram img.qr").GetAttribute("src"), oleg.Find("#link-vk img.qr").GetAttribute("src"));
    }

    [Fact]
    public async Task The_mailing_and_subscriber_pages_show_an_admin_only_russian_words()
    {
        var draft = await Host.Services.GetRequiredService<PdBot.Core.Mailings.MailingService>()
            .CreateAsync(MailingLedgerSeed.Promo, new PdBot.Core.Mailings.MailingActor(ConsoleHost.OperatorLogin, false));
        var sending = await MailingLedgerSeed.ScheduledAsync(Host);
        await MailingLedgerSeed.StartAsync(Host, sending.Id,
        [
            (shared.People["8003"], "vk", PdBot.Core.Mailings.MailingDeliveryState.Sent, null),
            (shared.People["8004"], "telegram", PdBot.Core.Mailings.MailingDeliveryState.Failed, PdBot.Core.Mailings.MailingSkipReasons.BotBlocked),
        ]);
        var anna = shared.Browser(ConsoleHost.AdminLogin);
        var problems = new List<string>();
        string[] pages =
        [
            "/admin/mailings", "/admin/mailings/new", $"/admin/mailings/{draft.Mailing!.Id}", $"/admin/mailings/edit/{draft.Mailing.Id}",
            $"/admin/mailings/{sending.Id}", "/admin/subscribers", "/admin/subscribers?link=poster-reception", "/admin/subscribers?link=плакат",
        ];

        foreach (var page in pages)
        {
            anna.Open(page);
            RussianConsoleTests.Scan(anna, page, problems);
        }

        anna.Open("/admin/mailings/new");
        anna.ClickAndWait("#m-preview");
        RussianConsoleTests.Scan(anna, "/admin/mailings/new (preview)", problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private List<string> People(params string[] users) => [.. users.Select(u => shared.People[u]).Order(StringComparer.Ordinal)];

    private static List<string> Shown(HeadlessChromium browser) =>
        [.. browser.FindAll("tr.subscriber-row").Select(r => r.GetAttribute("data-person") ?? "").Order(StringComparer.Ordinal)];

    private static List<string> Lines(string csv) => [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
}
