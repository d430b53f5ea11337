using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Admin;

namespace PdBot.Tests.Admin.Console;

/// <summary>Signing in to the console in headless Chromium, against the real host.</summary>
public sealed class SignInPageTests
{
    [Fact]
    public async Task An_admin_signs_in_with_the_right_password_and_the_sign_in_is_audited()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);

        browser.Open("/admin/consents");
        Assert.StartsWith("/admin/login", browser.Location, StringComparison.Ordinal);
        browser.Screenshot("login");
        browser.Find("#login").SendKeys(ConsoleHost.AdminLogin);
        browser.Find("#password").SendKeys(ConsoleHost.Password);
        browser.ClickAndWait("#sign-in");

        Assert.StartsWith("/admin/consents", browser.Location, StringComparison.Ordinal);
        Assert.Contains("anna", browser.Find("#who").Text, StringComparison.Ordinal);
        var signIn = Assert.Single(host.AdminEntries(AdminEvents.SignIn));
        Assert.Equal(ConsoleHost.AdminLogin, signIn.Actor);
        browser.Screenshot("home");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_console_stays_closed()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);

        browser.SubmitSignIn(ConsoleHost.AdminLogin, "not-the-password");

        Assert.Contains("Неверный логин или пароль", browser.Find("#login-error").Text, StringComparison.Ordinal);
        browser.Screenshot("login-refused");
        browser.Open("/admin/consents");
        Assert.StartsWith("/admin/login", browser.Location, StringComparison.Ordinal);
        var failure = Assert.Single(host.AdminEntries(AdminEvents.SignInFailed));
        Assert.Equal(ConsoleHost.AdminLogin, failure.Actor);
        Assert.Empty(host.AdminEntries(AdminEvents.SignIn));
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_rejected()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var http = new HttpClient();

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = ConsoleHost.AdminLogin, ["password"] = ConsoleHost.Password });
        var response = await http.PostAsync(new Uri(host.Url("/admin/login")), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.AdminEntries(AdminEvents.SignIn));
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("pdbot.admin=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);

        browser.SignIn(ConsoleHost.AdminLogin, ConsoleHost.Password);

        var cookie = browser.Driver.Manage().Cookies.GetCookieNamed("pdbot.admin");
        Assert.NotNull(cookie);
        Assert.True(cookie.IsHttpOnly);
        Assert.Equal("Strict", cookie.SameSite);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_is_audited()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.OperatorLogin, ConsoleHost.Password);

        browser.ClickAndWait("header form button");

        Assert.StartsWith("/admin/login", browser.Location, StringComparison.Ordinal);
        browser.Open("/admin/consents");
        Assert.StartsWith("/admin/login", browser.Location, StringComparison.Ordinal);
        Assert.Single(host.AdminEntries(AdminEvents.SignedOut), e => e.Actor == ConsoleHost.OperatorLogin);
    }

    [Fact]
    public async Task A_session_ends_at_once_when_its_account_is_locked()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn(ConsoleHost.OperatorLogin, ConsoleHost.Password);
        browser.Open("/admin/consents");
        Assert.StartsWith("/admin/consents", browser.Location, StringComparison.Ordinal);

        var accounts = host.Services.GetRequiredService<IAdminAccounts>();
        var account = accounts.Find(ConsoleHost.OperatorLogin)!;
        account.LockedUntilUtc = host.Clock.GetUtcNow().UtcDateTime.AddMinutes(15);
        await accounts.SaveAsync(account, new PdBot.Core.Audit.AuditEntry { Kind = AdminEvents.Kind, Event = AdminEvents.LockedOut, Channel = AdminEvents.Channel, Actor = "test" });

        browser.Open("/admin/consents");
        Assert.StartsWith("/admin/login", browser.Location, StringComparison.Ordinal);
    }
}
