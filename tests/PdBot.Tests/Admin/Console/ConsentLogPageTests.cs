using PdBot.Core.Admin;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Audit;

namespace PdBot.Tests.Admin.Console;

/// <summary>The consent log page in headless Chromium: filters, text versions, the exact text, CSV.</summary>
public sealed class ConsentLogPageTests
{
    [Fact]
    public async Task Filtering_by_event_shows_only_withdrawals_with_their_text_version_and_hash()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.GiveMailingConsentAsync("1001");
        await host.GiveMailingConsentAsync("1002");
        await host.Chat("1002").Send("Отписаться").SkipReplies().StartTestAsync();
        var withdrawal = Assert.Single(host.Audit.ReadAll(), e => e.Kind == AuditEvents.ConsentKind && e.Event == AuditEvents.Withdrawn);
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.OperatorLogin, ConsoleHost.Password);

        browser.Open("/admin/consents");
        Assert.Equal(3, browser.FindAll("tr.consent-row").Count);
        browser.Select("#f-event", AuditEvents.Withdrawn);
        browser.ClickAndWait("#apply-filters");

        var row = Assert.Single(browser.FindAll("tr.consent-row"));
        Assert.Equal(AuditEvents.Withdrawn, row.GetAttribute("data-event"));
        Assert.Contains("1002", row.Text, StringComparison.Ordinal);
        Assert.Equal(withdrawal.TextHash, row.FindElement(OpenQA.Selenium.By.CssSelector(".text-hash")).Text);
        Assert.Contains("event=withdrawn", browser.Location, StringComparison.Ordinal);
        browser.Screenshot("consent-log");
        Assert.Contains(host.AdminEntries(AdminEvents.Viewed), e => e.Actor == ConsoleHost.OperatorLogin && e.Detail!.Contains("event=withdrawn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_click_on_the_version_shows_the_exact_text_the_person_saw()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.GiveMailingConsentAsync("2001");
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AuditorLogin, ConsoleHost.Password);
        browser.Open("/admin/consents");

        browser.ClickAndWait("tr.consent-row a.text-link");

        var given = Assert.Single(host.Audit.ReadAll(), e => e.Kind == AuditEvents.ConsentKind && e.Event == AuditEvents.Given);
        var text = host.Services.GetRequiredService<PdBot.Core.Consent.IConsentStore>().FindText(given.PurposeId!, given.TextVersion!.Value)!;
        Assert.Equal(text.Text, browser.Find("#consent-text").Text.Trim());
        Assert.Equal(given.TextHash, browser.Find("#text-hash").Text);
        Assert.Contains("совпадает", browser.Find("#hash-check").Text, StringComparison.Ordinal);
        browser.Screenshot("consent-text");
    }

    [Fact]
    public async Task A_bad_date_gets_a_clear_error_instead_of_rows()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin, ConsoleHost.Password);

        browser.Open("/admin/consents?from=2026-12-01&to=2026-11-01");

        Assert.Contains("позже", browser.PageText, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll("tr.consent-row"));
    }
}
