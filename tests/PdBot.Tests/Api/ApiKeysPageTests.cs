using System.Net;
using PdBot.Core.ApiKeys;
using PdBot.Tests.Admin.Console;

namespace PdBot.Tests.Api;

/// <summary>The «Ключи API» console page in headless Chromium: an admin adds a key (shown once) and revokes it; an auditor only reads.</summary>
public sealed class ApiKeysPageTests
{
    [Fact]
    public async Task An_admin_adds_a_key_that_works_once_shown_and_revokes_it_and_an_auditor_only_reads_the_list()
    {
        await using var host = await ApiHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin);
        browser.Open("/admin/api-keys");

        browser.Find("#new-name").SendKeys("Site");
        browser.ClickAndWait("#create");

        var key = browser.Find("#new-key-value").Text;
        Assert.Equal(ApiKeySecret.Hash(key), host.Keys.All().Single(k => k.Name == "site").Hash);
        Assert.Equal(["crm", "site"], browser.FindAll("tr.api-key-row").Select(r => r.GetAttribute("data-name")));
        browser.Screenshot("api-keys");
        using var client = host.Client(key);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(new Uri("/api/v1/mailings", UriKind.Relative), ApiHost.Json(host.MailingJson()))).StatusCode);

        // The console's own cookie does not open the API.
        using var cookieOnly = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(host.Address) };
        cookieOnly.DefaultRequestHeaders.Add("Cookie", string.Join("; ", browser.Driver.Manage().Cookies.AllCookies.Select(c => $"{c.Name}={c.Value}")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookieOnly.GetAsync(new Uri("/api/v1/mailings/1", UriKind.Relative))).StatusCode);

        browser.Open("/admin/api-keys");
        Assert.False(browser.Exists("#new-key-value"));
        browser.ClickAndWait(browser.Find("tr.api-key-row[data-name='site'] button.revoke"));

        Assert.Contains("«site» отозван", browser.Find("#flash").Text, StringComparison.Ordinal);
        Assert.NotEqual("—", browser.Find("tr.api-key-row[data-name='site'] .revoked").Text);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/mailings/1", UriKind.Relative))).StatusCode);
        Assert.Equal(
            [(ApiKeyEvents.Created, ConsoleHost.AdminLogin), (ApiKeyEvents.Revoked, ConsoleHost.AdminLogin)],
            host.Audit.ReadAll().Where(e => e.Kind == ApiKeyEvents.Kind && e.Detail!.Contains("site", StringComparison.Ordinal)).Select(e => (e.Event, e.Actor)));

        browser.Open("/admin/audit?kind=api-key");
        Assert.Contains("ключ API отозван", browser.PageText, StringComparison.Ordinal);
        browser.Open("/admin/audit?kind=api");
        Assert.Contains("вызов API отклонён", browser.PageText, StringComparison.Ordinal);

        browser.Driver.Manage().Cookies.DeleteAllCookies();
        browser.SignIn(ConsoleHost.AuditorLogin);
        browser.Open("/admin/api-keys");
        Assert.Equal(2, browser.FindAll("tr.api-key-row").Count);
        Assert.False(browser.Exists("#create-key"));
        Assert.False(browser.Exists("button.revoke"));
    }
}
