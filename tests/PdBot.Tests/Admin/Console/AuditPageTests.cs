using System.Net;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.LiteDb;
using PdBot.Core.Admin;
using PdBot.Core.Audit;

namespace PdBot.Tests.Admin.Console;

/// <summary>The audit page in headless Chromium: the chain check, filters, paging, CSV, and who may see it.</summary>
public sealed class AuditPageTests
{
    [Fact]
    public async Task An_auditor_sees_the_chain_intact_with_the_number_of_entries()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.GiveMailingConsentAsync("1001");
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AuditorLogin);

        browser.Open("/admin/audit");

        var count = host.Audit.ReadAll().Count();
        var ok = browser.Find("#chain-ok");
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), ok.GetAttribute("data-count"));
        Assert.Contains("цела", ok.Text, StringComparison.Ordinal);
        Assert.False(browser.Exists("#chain-broken"));
        var rows = browser.FindAll("tr.audit-row");
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[0].GetAttribute("data-seq"));
        Assert.Equal(host.Audit.ReadAll().Last().Hash, rows[0].FindElement(OpenQA.Selenium.By.CssSelector(".entry-hash")).GetAttribute("title"));
        browser.Screenshot("audit");
        Assert.Contains(host.AdminEntries(AdminEvents.Viewed), e => e.Actor == ConsoleHost.AuditorLogin && e.Detail == "audit trail");
    }

    [Fact]
    public async Task An_edited_entry_is_named_by_its_sequence_number_with_a_link_to_it()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.GiveMailingConsentAsync("1001");

        // Tampering through the host's own open database (the file is held open in Direct mode).
        var storage = host.Services.GetRequiredService<LiteDbStorage>();
        var log = storage.Database.GetCollection(LiteDbStorage.Audit);
        var doc = log.FindById(2);
        doc["Detail"] = "login oleg, role admin";
        Assert.True(log.Update(doc));
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin);

        browser.Open("/admin/audit");

        var broken = browser.Find("#chain-broken");
        Assert.Equal("2", broken.GetAttribute("data-first-bad"));
        Assert.Equal("content altered", broken.GetAttribute("data-problem"));
        Assert.Contains("№ 2", broken.Text, StringComparison.Ordinal);
        Assert.False(browser.Exists("#chain-ok"));
        browser.Find("#broken-link").Click();
        WaitForLocation(browser, "before=3");
        var first = browser.FindAll("tr.audit-row")[0];
        Assert.Equal("2", first.GetAttribute("data-seq"));
        Assert.Contains("broken", first.GetAttribute("class"), StringComparison.Ordinal);
        Assert.Contains("логин oleg, роль администратор", first.Text, StringComparison.Ordinal); // the edited detail, shown in Russian
        browser.Screenshot("audit-broken");
    }

    [Fact]
    public async Task Filtering_by_kind_and_actor_shows_only_those_entries_and_names_no_person_in_the_trail()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.GiveMailingConsentAsync("1001");
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AuditorLogin);
        browser.Open("/admin/audit");

        browser.Select("#f-kind", AdminEvents.Kind);
        browser.Find("#f-actor").SendKeys(ConsoleHost.AuditorLogin);
        browser.Find("#apply-filters").Click();
        WaitForLocation(browser, "kind=admin");

        var expected = host.Audit.Query(new AuditQuery { Kind = AdminEvents.Kind, Actor = ConsoleHost.AuditorLogin }).Select(e => (string?)e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var rows = browser.FindAll("tr.audit-row");
        Assert.Equal(expected, rows.Select(r => r.GetAttribute("data-seq")).ToList());
        Assert.All(rows, r => Assert.Equal(AdminEvents.Kind, r.GetAttribute("data-kind")));
        Assert.All(rows, r => Assert.Equal(ConsoleHost.AuditorLogin, r.GetAttribute("data-actor")));

        browser.Open("/admin/audit?kind=consent&person=1001");
        Assert.NotEmpty(browser.FindAll("tr.audit-row"));
        Assert.All(browser.FindAll("tr.audit-row"), r => Assert.Equal(AuditEvents.ConsentKind, r.GetAttribute("data-kind")));
        var views = host.AdminEntries(AdminEvents.Viewed);
        Assert.Contains(views, e => e.Detail == "audit trail (kind=consent, person filter)");
        Assert.DoesNotContain(views, e => e.Detail!.Contains("1001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_pager_walks_back_through_the_trail_without_repeating_entries()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.GiveMailingConsentAsync("1001");
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin);

        browser.Open("/admin/audit?size=3");
        var seen = new List<string>();
        while (true)
        {
            seen.AddRange(browser.FindAll("tr.audit-row").Select(r => r.GetAttribute("data-seq") ?? ""));
            if (!browser.Exists("#next-page"))
            {
                break;
            }

            var next = browser.Find("#next-page").GetAttribute("href") ?? "";
            browser.Find("#next-page").Click();
            WaitForLocation(browser, new Uri(next).Query);
            Assert.Contains("size=3", browser.Location, StringComparison.Ordinal);
        }

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Contains("1", seen);
        Assert.True(long.Parse(seen[0], System.Globalization.CultureInfo.InvariantCulture) > long.Parse(seen[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_csv_export_holds_exactly_the_filtered_entries_and_is_audited()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.GiveMailingConsentAsync("1001");
        await host.GiveMailingConsentAsync("1002");
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AuditorLogin);
        browser.Open("/admin/audit?kind=consent&channel=telegram");
        var href = browser.Find("#export-csv").GetAttribute("href") ?? "";
        Assert.Contains("/admin/audit/export", href, StringComparison.OrdinalIgnoreCase);

        var (status, csv) = await DownloadAsync(browser, href);

        Assert.Equal(HttpStatusCode.OK, status);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(string.Join(',', PdBot.Bot.Admin.Pages.AuditModel.ExportColumns), lines[0]);
        var expected = host.Audit.Query(new AuditQuery { Kind = AuditEvents.ConsentKind, Channel = "telegram" }).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, lines.Count - 1);
        for (var i = 0; i < expected.Count; i++)
        {
            var cells = lines[i + 1].Split(',');
            Assert.Equal(expected[i].Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[0]);
            Assert.Equal(AuditEvents.ConsentKind, cells[2]);
            Assert.Equal(expected[i].UserId, cells[5]);
            Assert.Equal(expected[i].PrevHash, cells[^2]);
            Assert.Equal(expected[i].Hash, cells[^1]);
        }

        Assert.Contains(host.AdminEntries(AdminEvents.Exported), e => e.Actor == ConsoleHost.AuditorLogin && e.Detail == "audit trail CSV (kind=consent, channel=telegram)");
    }

    [Fact]
    public async Task An_operator_is_denied_the_audit_page_and_its_export()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.OperatorLogin);

        browser.Open("/admin/audit");

        Assert.StartsWith("/admin/denied", browser.Location, StringComparison.Ordinal);
        Assert.True(browser.Exists("#denied"));
        Assert.False(browser.Exists("#audit-log"));
        Assert.False(browser.Exists("header nav a[href='/admin/audit']"));
        var (status, body) = await DownloadAsync(browser, host.Url("/admin/audit/export"));
        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.DoesNotContain("prev_hash", body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.AdminEntries(AdminEvents.Viewed), e => e.Actor == ConsoleHost.OperatorLogin);
        Assert.Empty(host.AdminEntries(AdminEvents.Exported));
    }

    [Fact]
    public async Task A_bad_filter_gets_a_clear_russian_error_instead_of_rows()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin);

        browser.Open("/admin/audit?channel=fax&from=2026-12-01&to=2026-11-01");

        Assert.Contains("Неизвестный канал", browser.PageText, StringComparison.Ordinal);
        Assert.Contains("позже", browser.PageText, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll("tr.audit-row"));
    }


    /// <summary>Polls until the browser has navigated to a URL containing <paramref name="part"/> (a click may return first).</summary>
    private static void WaitForLocation(HeadlessChromium browser, string part) =>
        new OpenQA.Selenium.Support.UI.WebDriverWait(browser.Driver, TimeSpan.FromSeconds(10))
            .Until(_ => browser.Location.Contains(part, StringComparison.Ordinal));

    /// <summary>Fetches a URL with the browser's session cookie, without following redirects.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> DownloadAsync(HeadlessChromium browser, string url)
    {
        var cookie = browser.Driver.Manage().Cookies.GetCookieNamed(PdBot.Bot.Admin.AdminConsole.CookieName);
        Assert.NotNull(cookie);
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url));
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
