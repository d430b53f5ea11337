using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using PdBot.Core.Admin;

namespace PdBot.Tests.Admin.Console;

/// <summary>The accounts page in headless Chromium: creating an account, errors, unlocking, and who may use it.</summary>
public sealed class AccountsPageTests
{
    private static IAdminAccounts Accounts(ConsoleHost host) => host.Services.GetRequiredService<IAdminAccounts>();

    [Fact]
    public async Task An_admin_creates_an_operator_account_in_the_browser_and_it_can_sign_in()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin);
        browser.Open("/admin/accounts");
        Assert.Equal(["anna", "irina", "oleg"], browser.FindAll("tr.account-row").Select(r => r.GetAttribute("data-login")).ToList());

        browser.Find("#new-login").SendKeys("Maria");
        browser.Select("#new-role", "operator");
        browser.Find("#new-password").SendKeys("new-password-123");
        browser.Find("#new-password-again").SendKeys("new-password-123");
        browser.Find("#create").Click();

        Assert.Contains("«maria» создана", WaitForText(browser, "#flash"), StringComparison.Ordinal);
        Assert.Equal("/admin/accounts", browser.Location);
        var row = Assert.Single(browser.FindAll("tr.account-row[data-login='maria']"));
        Assert.Equal("operator", row.GetAttribute("data-role"));
        browser.Screenshot("accounts");
        Assert.Equal(AdminRole.Operator, Accounts(host).Find("maria")!.Role);
        var created = Assert.Single(host.AdminEntries(AdminEvents.AccountCreated), e => e.Detail!.Contains("maria", StringComparison.Ordinal));
        Assert.Equal(ConsoleHost.AdminLogin, created.Actor);

        browser.Driver.Manage().Cookies.DeleteAllCookies();
        browser.SignIn("maria", "new-password-123");

        Assert.Contains("maria (оператор)", browser.Find("#who").Text, StringComparison.Ordinal);
        Assert.Contains(host.AdminEntries(AdminEvents.SignIn), e => e.Actor == "maria");
    }

    [Fact]
    public async Task A_refused_account_is_explained_in_russian_and_nothing_is_created()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin);

        Assert.Contains("не короче 10 символов", TryCreate(browser, "petr", "short", "short"), StringComparison.Ordinal);
        Assert.Contains("«oleg» уже занят", TryCreate(browser, "OLEG", "long-enough-pass", "long-enough-pass"), StringComparison.Ordinal);
        Assert.Contains("Пароли не совпадают", TryCreate(browser, "petr", "long-enough-pass", "another-password"), StringComparison.Ordinal);
        Assert.Contains("не должен содержать пробелов", TryCreate(browser, "petr ivanov", "long-enough-pass", "long-enough-pass"), StringComparison.Ordinal);

        Assert.Equal(3, Accounts(host).Count());
        Assert.Null(Accounts(host).Find("petr"));
        Assert.Equal(3, host.AdminEntries(AdminEvents.AccountCreated).Count);
    }

    [Fact]
    public async Task An_admin_lifts_a_lockout_and_the_unlock_is_audited()
    {
        await using var host = await ConsoleHost.StartAsync();
        var signIn = host.Services.GetRequiredService<AdminSignIn>();
        for (var i = 0; i < AdminEvents.MaxFailedAttempts; i++)
        {
            Assert.False((await signIn.SignInAsync(ConsoleHost.OperatorLogin, "wrong-password")).Succeeded);
        }

        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin);
        browser.Open("/admin/accounts");
        var row = browser.Find("tr.account-row[data-login='oleg']");
        Assert.NotEqual("—", row.FindElement(By.CssSelector(".locked-until")).Text);

        row.FindElement(By.CssSelector("button.unlock")).Click();

        Assert.Contains("снята", WaitForText(browser, "#flash"), StringComparison.Ordinal);
        Assert.Equal("—", browser.Find("tr.account-row[data-login='oleg'] .locked-until").Text);
        Assert.Null(Accounts(host).Find("oleg")!.LockedUntilUtc);
        Assert.Single(host.AdminEntries(AdminEvents.AccountUnlocked), e => e.Actor == ConsoleHost.AdminLogin && e.Detail == "login oleg");
        Assert.True((await signIn.SignInAsync(ConsoleHost.OperatorLogin, ConsoleHost.Password)).Succeeded);
    }

    [Theory]
    [InlineData(ConsoleHost.AuditorLogin)]
    [InlineData(ConsoleHost.OperatorLogin)]
    public async Task A_non_admin_is_denied_the_accounts_page(string login)
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(login);

        browser.Open("/admin/accounts");

        Assert.StartsWith("/admin/denied", browser.Location, StringComparison.Ordinal);
        Assert.True(browser.Exists("#denied"));
        Assert.False(browser.Exists("#create-account"));
        Assert.False(browser.Exists("header nav a[href='/admin/accounts']"));
    }

    [Fact]
    public async Task A_create_post_by_a_non_admin_is_sent_to_the_denied_page_and_nothing_is_created()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AuditorLogin);
        browser.Open("/admin/consents");

        // Authorization runs before the antiforgery check, so the answer is the role refusal, not a 400.
        using var response = await PostAsync(browser, host.Url("/admin/accounts"), token: null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Null(Accounts(host).Find("mallory"));
        Assert.DoesNotContain(host.AdminEntries(AdminEvents.AccountCreated), e => e.Actor == ConsoleHost.AuditorLogin);
    }

    [Fact]
    public async Task A_create_post_without_the_antiforgery_token_is_rejected_and_nothing_is_created()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.AdminLogin);
        browser.Open("/admin/accounts");

        using var response = await PostAsync(browser, host.Url("/admin/accounts"), token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(Accounts(host).Find("mallory"));
        Assert.Equal(3, Accounts(host).Count());
    }

    /// <summary>Fills the create form on a fresh page, submits it, and returns the error shown.</summary>
    private static string TryCreate(HeadlessChromium browser, string login, string password, string again)
    {
        browser.Open("/admin/accounts");
        browser.Find("#new-login").SendKeys(login);
        browser.Find("#new-password").SendKeys(password);
        browser.Find("#new-password-again").SendKeys(again);
        browser.Find("#create").Click();

        return WaitForText(browser, ".create-error");
    }

    /// <summary>Polls for an element of the answer page instead of sleeping: a click may return before the POST is answered.</summary>
    private static string WaitForText(HeadlessChromium browser, string css)
    {
        var wait = new WebDriverWait(browser.Driver, TimeSpan.FromSeconds(10));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait.Until(d => d.FindElements(By.CssSelector(css)) is { Count: > 0 } found ? found[0].Text : null)!;
    }


    /// <summary>Posts the create form with the browser's cookies (session and antiforgery), outside the browser.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HeadlessChromium browser, string url, string? token)
    {
        var cookies = string.Join("; ", browser.Driver.Manage().Cookies.AllCookies.Select(c => $"{c.Name}={c.Value}"));
        Assert.Contains(PdBot.Bot.Admin.AdminConsole.CookieName + "=", cookies, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["NewLogin"] = "mallory",
            ["NewRole"] = "admin",
            ["NewPassword"] = "mallory-password-1",
            ["NewPasswordAgain"] = "mallory-password-1",
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", cookies);
        return await http.SendAsync(request);
    }
}
