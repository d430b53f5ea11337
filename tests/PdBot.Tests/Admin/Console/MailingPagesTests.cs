using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using PdBot.Core.Mailings;

namespace PdBot.Tests.Admin.Console;

/// <summary>
/// The mailing pages in headless Chromium, four-eyes on: compose, preview on both platforms, test send into the test
/// chat, schedule, an admin's approval, statistics; the limits; what an auditor sees. One host for the class.
/// </summary>
public sealed class MailingPagesTests(FourEyesConsoleHost shared) : IClassFixture<FourEyesConsoleHost>
{
    private const string Text = "Неделя детского здоровья: осмотр педиатра бесплатно.\nЗапишитесь по кнопке ниже.";
    private const string LinkLabel = "Записаться";
    private const string LinkUrl = "https://medaclinic.ru/zapis";

    private ConsoleHost Host => shared.Host;

    private IMailingStore Store => Host.Services.GetRequiredService<IMailingStore>();

    [Fact]
    public async Task An_operator_composes_previews_test_sends_and_schedules_an_admin_approves_and_the_statistics_show_the_ledger()
    {
        var oleg = shared.Browser(ConsoleHost.OperatorLogin);
        oleg.Open("/admin/mailings");
        Assert.Equal("active", oleg.Find("header nav a[href='/admin/mailings']").GetAttribute("class"));
        oleg.ClickAndWait("#new-mailing");
        oleg.Find("#m-text").SendKeys(Text);
        oleg.Find("#m-link-label-0").SendKeys(LinkLabel);
        oleg.Find("#m-link-url-0").SendKeys(LinkUrl);
        oleg.Select("#m-topic", "promo");

        oleg.ClickAndWait("#m-preview");

        var previews = oleg.FindAll(".preview");
        Assert.Equal([MailingChannels.Vk, MailingChannels.Telegram], previews.Select(p => p.GetAttribute("data-channel")));
        foreach (var preview in previews)
        {
            Assert.Equal(Text, preview.FindElement(By.CssSelector(".bubble-msg")).Text);
            var link = preview.FindElement(By.CssSelector(".msg-button.link"));
            Assert.Equal((LinkLabel + " ↗", LinkUrl), (link.Text, link.GetAttribute("href")));
            Assert.Equal(MailingMessage.UnsubscribeLabel, preview.FindElement(By.CssSelector(".msg-button.unsubscribe")).Text);
            var count = preview.FindElement(By.CssSelector(".count"));
            var limit = preview.GetAttribute("data-channel") == MailingChannels.Telegram ? "4096" : "9000";
            Assert.Equal((Text.Length.ToString(CultureInfo.InvariantCulture), limit), (count.GetAttribute("data-length"), count.GetAttribute("data-limit")));
        }

        oleg.Screenshot("mailing-compose-preview");
        Assert.DoesNotContain(Store.All(), m => m.Text == Text);
        oleg.ClickAndWait("#m-save");

        var mailing = Assert.Single(Store.All(), m => m.Text == Text);
        Assert.Equal($"/admin/mailings/{mailing.Id}", oleg.Location);
        Assert.Equal((MailingState.Draft, "promo", MailingKind.Advertising), (mailing.State, mailing.Topic, mailing.Kind));
        Assert.Equal(LinkUrl, Assert.Single(mailing.Links).Url);

        oleg.ClickAndWait("#test-send");
        Assert.Contains("тестовый чат", oleg.Find("#flash").Text, StringComparison.Ordinal);
        oleg.Open("/admin/chat");
        var message = oleg.FindAll(".message")[^1];
        Assert.Equal(Text, message.FindElement(By.CssSelector(".bubble.bot")).Text);
        Assert.Equal(LinkUrl, message.FindElement(By.CssSelector("a.chat-link")).GetAttribute("href"));
        Assert.Equal(MailingMessage.UnsubscribeLabel, message.FindElement(By.CssSelector("button.chat-button")).Text);
        Assert.Contains(Host.Audit.ReadAll(), e => e.Kind == MailingEvents.Kind && e.Event == MailingEvents.TestSent && e.Actor == ConsoleHost.OperatorLogin);

        oleg.Open($"/admin/mailings/{mailing.Id}");
        oleg.ClickAndWait("#act-submit");
        Assert.Equal(nameof(MailingState.AwaitingApproval), oleg.Find("#state").GetAttribute("data-state"));
        Assert.Contains("ждёт одобрения", oleg.Find("#flash").Text, StringComparison.Ordinal);
        Assert.False(oleg.Exists("#act-approve"));
        Assert.True(oleg.Exists("#approval-note"));

        var anna = shared.Browser(ConsoleHost.AdminLogin);
        anna.Open($"/admin/mailings/{mailing.Id}");
        anna.ClickAndWait("#act-approve");
        Assert.Equal(nameof(MailingState.Scheduled), anna.Find("#state").GetAttribute("data-state"));
        Assert.Equal(ConsoleHost.AdminLogin, anna.Find("#approved-by").Text);

        // The runner's part: the audience at the start, then each person's outcome.
        var people = await MailingPagesHttpTests.PeopleAsync(Host, "71", 6);
        await MailingLedgerSeed.StartAsync(Host, mailing.Id,
        [
            (people[0], MailingChannels.Telegram, MailingDeliveryState.Sent, null),
            (people[1], MailingChannels.Telegram, MailingDeliveryState.Sent, null),
            (people[2], MailingChannels.Telegram, MailingDeliveryState.Sent, null),
            (people[3], MailingChannels.Telegram, MailingDeliveryState.Failed, MailingSkipReasons.BotBlocked),
            (people[4], MailingChannels.Telegram, MailingDeliveryState.Skipped, MailingSkipReasons.Withdrawn),
            (people[5], MailingChannels.Telegram, MailingDeliveryState.Unknown, null),
        ]);
        // Minutes, not hours: the signed-in sessions (30 idle minutes) run on the same clock.
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        await Host.Chat("71000").Send("Отписаться").SkipReplies().StartTestAsync();

        // Every row has an outcome: the runner completes the mailing (done here, not left to its timer).
        await Host.Services.GetRequiredService<PdBot.Adapters.Mailings.MailingRunner>().RunOnceAsync(default);
        anna.Open($"/admin/mailings/{mailing.Id}");

        Assert.True(anna.Exists("#state"), anna.PageText);
        Assert.Equal(nameof(MailingState.Completed), anna.Find("#state").GetAttribute("data-state"));
        string[] ids = ["recipients", "sent", "failed", "failed-blocked", "skipped", "unknown", "cancelled", "waiting", "unsubscribed"];
        Assert.Equal(["6", "3", "1", "1", "1", "1", "0", "0", "1"], ids.Select(id => anna.Find("#stat-" + id).Text));
        anna.Screenshot("mailing-statistics");
        anna.Open("/admin/mailings");
        var row = anna.Find($"tr.mailing-row[data-id='{mailing.Id}']");
        Assert.Equal(("6", "3"), (row.FindElement(By.CssSelector(".recipients")).Text, row.FindElement(By.CssSelector(".sent")).Text));
    }

    [Fact]
    public void A_too_long_telegram_text_shows_the_error_and_keeps_the_input()
    {
        var oleg = shared.Browser(ConsoleHost.OperatorLogin);
        var before = Store.All().Count;
        var text = "Подробная памятка перед приёмом.\n" + new string('а', 4100);
        oleg.Open("/admin/mailings/new");
        oleg.SetValue("#m-text", text);
        oleg.Find("#m-link-label-1").SendKeys("Памятка");
        oleg.Find("#m-link-url-1").SendKeys("https://medaclinic.ru/pamyatka");
        oleg.Find("#m-channel-vk").Click();

        oleg.ClickAndWait("#m-schedule");

        Assert.Contains($"Текст длиннее, чем допускает Telegram: {text.Length} символов при пределе 4096.", oleg.Find(".form-error").Text, StringComparison.Ordinal);
        Assert.Equal(text, oleg.Find("#m-text").GetAttribute("value"));
        Assert.Equal(("Памятка", "https://medaclinic.ru/pamyatka"), (oleg.Find("#m-link-label-1").GetAttribute("value"), oleg.Find("#m-link-url-1").GetAttribute("value")));
        Assert.False(oleg.Find("#m-channel-vk").Selected);
        Assert.True(oleg.Find("#m-channel-telegram").Selected);
        var preview = Assert.Single(oleg.FindAll(".preview"));
        Assert.Equal(MailingChannels.Telegram, preview.GetAttribute("data-channel"));
        Assert.Contains("слишком длинно", preview.FindElement(By.CssSelector(".count.over")).Text, StringComparison.Ordinal);
        Assert.Equal(before, Store.All().Count);
    }

    [Fact]
    public async Task An_auditor_reads_without_forms_an_operator_cannot_approve_and_an_admin_cannot_approve_her_own_mailing()
    {
        var byOperator = await CreateAndSubmitAsync(ConsoleHost.OperatorLogin, isAdmin: false);
        var byAdmin = await CreateAndSubmitAsync(ConsoleHost.AdminLogin, isAdmin: true);

        var irina = shared.Browser(ConsoleHost.AuditorLogin);
        irina.Open("/admin/mailings");
        Assert.True(irina.Exists("header nav a[href='/admin/mailings']") && irina.Exists("header nav a[href='/admin/subscribers']"));
        Assert.False(irina.Exists("#new-mailing"));
        irina.Open($"/admin/mailings/{byOperator.Id}");
        Assert.True(irina.Exists("#read-only"));
        Assert.Empty(irina.FindAll("main form"));
        Assert.Equal("ждёт одобрения", irina.Find("#state").Text);
        irina.Open("/admin/mailings/new");
        Assert.StartsWith("/admin/denied", irina.Location, StringComparison.Ordinal);

        var oleg = shared.Browser(ConsoleHost.OperatorLogin);
        oleg.Open($"/admin/mailings/{byOperator.Id}");
        Assert.False(oleg.Exists("#act-approve") || oleg.Exists("#act-reject"));
        Assert.True(oleg.Exists("#act-cancel"));

        var anna = shared.Browser(ConsoleHost.AdminLogin);
        anna.Open($"/admin/mailings/{byAdmin.Id}");
        Assert.False(anna.Exists("#act-approve"));
        Assert.True(anna.Exists("#approval-note"));
        anna.Open($"/admin/mailings/{byOperator.Id}");
        anna.Find("#reject-reason").SendKeys("Уточните срок акции");
        anna.ClickAndWait("#act-reject");

        Assert.Equal(MailingState.Draft, Store.Find(byOperator.Id)!.State);
        Assert.Equal(MailingState.AwaitingApproval, Store.Find(byAdmin.Id)!.State);
        Assert.Contains(Host.Audit.ReadAll(), e => e.Event == "rejected" && e.Actor == ConsoleHost.AdminLogin && e.Detail!.Contains("Уточните срок акции", StringComparison.Ordinal));
    }

    private async Task<Mailing> CreateAndSubmitAsync(string login, bool isAdmin)
    {
        var service = Host.Services.GetRequiredService<MailingService>();
        var actor = new MailingActor(login, isAdmin);
        var created = await service.CreateAsync(MailingLedgerSeed.Promo, actor);
        var submitted = await service.SubmitAsync(created.Mailing!.Id, actor);
        Assert.Equal(MailingState.AwaitingApproval, submitted.Mailing!.State);
        return submitted.Mailing;
    }
}
