using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Admin;
using PdBot.Core.Audit;

namespace PdBot.Tests.Admin.Console;

/// <summary>A copy of a session cookie kept from before a logout, a password or role change or an unlock gets the sign-in page.</summary>
public sealed class SessionEndTests
{
    private static async Task<string> WhereConsentsLeadAsync(ConsoleClient client)
    {
        using var response = await client.GetAsync("/admin/consents");
        return response.StatusCode == HttpStatusCode.OK ? "console" : response.Headers.Location?.AbsolutePath ?? response.StatusCode.ToString();
    }

    private static async Task<string> WhereAnOldCookieLeadsAsync(ConsoleHost host, string cookie)
    {
        using var copy = ConsoleClient.WithSessionCookie(host, cookie);
        return await WhereConsentsLeadAsync(copy);
    }

    private static async Task<(ConsoleClient Client, string Cookie)> SignInAsync(ConsoleHost host, string login)
    {
        var client = await ConsoleClient.SignInAsync(host, login);
        Assert.Equal("console", await WhereConsentsLeadAsync(client));
        return (client, Assert.IsType<string>(client.SessionCookie));
    }

    private static async Task PostAsAdminAsync(ConsoleHost host, string action, Dictionary<string, string> fields)
    {
        using var anna = await ConsoleClient.SignInAsync(host, ConsoleHost.AdminLogin);
        using var response = await anna.PostFormAsync("/admin/accounts", action, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task An_old_cookie_gets_the_sign_in_page_after_logout()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (oleg, cookie) = await SignInAsync(host, ConsoleHost.OperatorLogin);
        using (oleg)
        {
            using var logout = await oleg.PostFormAsync("/admin/consents", "/admin/logout", []);
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        Assert.Equal("/admin/login", await WhereAnOldCookieLeadsAsync(host, cookie));
        Assert.Single(host.AdminEntries(AdminEvents.SignedOut), e => e.Actor == ConsoleHost.OperatorLogin);

        using var again = await ConsoleClient.SignInAsync(host, ConsoleHost.OperatorLogin);
        Assert.Equal("console", await WhereConsentsLeadAsync(again));
    }

    [Fact]
    public async Task An_old_cookie_is_dead_after_a_password_change_and_the_new_password_works()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (oleg, cookie) = await SignInAsync(host, ConsoleHost.OperatorLogin);
        using var _ = oleg;

        await PostAsAdminAsync(host, "/admin/accounts/password", new() { ["login"] = "oleg", ["password"] = "another-horse-43", ["passwordAgain"] = "another-horse-43" });

        Assert.Equal("/admin/login", await WhereConsentsLeadAsync(oleg));
        Assert.Equal("/admin/login", await WhereAnOldCookieLeadsAsync(host, cookie));
        var changed = Assert.Single(host.AdminEntries(AdminEvents.PasswordChanged));
        Assert.Equal((ConsoleHost.AdminLogin, "login oleg"), (changed.Actor, changed.Detail));
        var signIn = await host.Services.GetRequiredService<AdminSignIn>().SignInAsync("oleg", "another-horse-43");
        Assert.True(signIn.Succeeded);
    }

    [Fact]
    public async Task An_old_cookie_is_dead_after_a_role_change()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (oleg, cookie) = await SignInAsync(host, ConsoleHost.OperatorLogin);
        oleg.Dispose();

        await PostAsAdminAsync(host, "/admin/accounts/role", new() { ["login"] = "oleg", ["role"] = "auditor" });

        Assert.Equal("/admin/login", await WhereAnOldCookieLeadsAsync(host, cookie));
        Assert.Equal(AdminRole.Auditor, host.Services.GetRequiredService<IAdminAccounts>().Find("oleg")!.Role);
        Assert.Single(host.AdminEntries(AdminEvents.RoleChanged), e => e.Detail == "login oleg, role operator -> auditor");
    }

    [Fact]
    public async Task An_old_cookie_stays_dead_after_its_account_is_locked_and_unlocked()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (oleg, cookie) = await SignInAsync(host, ConsoleHost.OperatorLogin);
        oleg.Dispose();
        var accounts = host.Services.GetRequiredService<IAdminAccounts>();
        var account = accounts.Find("oleg")!;
        account.LockedUntilUtc = host.Clock.GetUtcNow().UtcDateTime.AddMinutes(15);
        await accounts.SaveAsync(account, new AuditEntry { Kind = AdminEvents.Kind, Event = AdminEvents.LockedOut, Channel = AdminEvents.Channel, Actor = "test" });

        await PostAsAdminAsync(host, "/admin/accounts/unlock", new() { ["login"] = "oleg" });

        Assert.Null(accounts.Find("oleg")!.LockedUntilUtc);
        Assert.Equal("/admin/login", await WhereAnOldCookieLeadsAsync(host, cookie));
        Assert.Single(host.AdminEntries(AdminEvents.AccountUnlocked), e => e.Actor == ConsoleHost.AdminLogin && e.Detail == "login oleg");
    }

    [Fact]
    public async Task An_admin_who_changes_their_own_password_stays_signed_in_in_that_browser()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (anna, cookie) = await SignInAsync(host, ConsoleHost.AdminLogin);
        using var _ = anna;

        using var response = await anna.PostFormAsync("/admin/accounts", "/admin/accounts/password", new Dictionary<string, string> { ["login"] = "anna", ["password"] = "another-horse-43", ["passwordAgain"] = "another-horse-43" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("console", await WhereConsentsLeadAsync(anna));
        Assert.Equal("/admin/login", await WhereAnOldCookieLeadsAsync(host, cookie));
    }

    [Fact]
    public async Task An_admin_cannot_change_their_own_role()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var anna = await ConsoleClient.SignInAsync(host, ConsoleHost.AdminLogin);

        using var response = await anna.PostFormAsync("/admin/accounts", "/admin/accounts/role", new Dictionary<string, string> { ["login"] = "anna", ["role"] = "auditor" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Свою роль сменить нельзя", await anna.GetTextAsync("/admin/accounts"), StringComparison.Ordinal);
        Assert.Equal(AdminRole.Admin, host.Services.GetRequiredService<IAdminAccounts>().Find("anna")!.Role);
    }
}
