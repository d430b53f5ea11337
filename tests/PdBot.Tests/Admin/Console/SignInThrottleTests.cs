using System.Net;
using PdBot.Core.Admin;

namespace PdBot.Tests.Admin.Console;

/// <summary>Sign-in throttling over HTTP: per client IP and per login, 429 with Retry-After; the lockout rule stays.</summary>
public sealed class SignInThrottleTests
{
    private static async Task<(HttpStatusCode Status, string? RetryAfter, string Page)> PostSignInAsync(ConsoleClient client, string login, string password)
    {
        using var response = await client.PostFormAsync("/admin/login", "/admin/login", new Dictionary<string, string> { ["login"] = login, ["password"] = password });
        return (response.StatusCode, response.Headers.RetryAfter?.ToString(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_eleventh_sign_in_from_one_address_within_a_minute_gets_429_with_retry_after_and_keeps_the_typed_login()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = ConsoleClient.Anonymous(host);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostSignInAsync(client, $"guess-{i}", "password-guess")).Status);
        }

        host.Clock.Advance(TimeSpan.FromSeconds(20));
        var (status, retryAfter, page) = await PostSignInAsync(client, "typed-login", "password-guess");

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("40", retryAfter);
        Assert.Contains("Слишком много попыток входа. Повторите через 40 с.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"typed-login\"", page, StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(HttpStatusCode.Redirect, (await PostSignInAsync(client, ConsoleHost.AdminLogin, ConsoleHost.Password)).Status);
    }

    [Fact]
    public async Task The_sixth_attempt_on_one_login_within_a_minute_gets_429_and_the_lockout_still_holds_after_it()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = ConsoleClient.Anonymous(host);
        for (var i = 0; i < AdminEvents.MaxFailedAttempts; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostSignInAsync(client, ConsoleHost.OperatorLogin, $"wrong-{i}")).Status);
        }

        var (status, retryAfter, page) = await PostSignInAsync(client, "OLEG", ConsoleHost.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("60", retryAfter);
        Assert.Contains("Слишком много попыток входа. Повторите через 60 с.", page, StringComparison.Ordinal);
        Assert.Single(host.AdminEntries(AdminEvents.LockedOut));

        // Another login from the same address is not held back by oleg's limit.
        Assert.Equal(HttpStatusCode.Redirect, (await PostSignInAsync(client, ConsoleHost.AuditorLogin, ConsoleHost.Password)).Status);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostSignInAsync(client, ConsoleHost.OperatorLogin, ConsoleHost.Password)).Status);
        host.Clock.Advance(AdminEvents.LockoutDuration);
        Assert.Equal(HttpStatusCode.Redirect, (await PostSignInAsync(client, ConsoleHost.OperatorLogin, ConsoleHost.Password)).Status);
    }

    [Fact]
    public async Task Successful_sign_ins_from_one_address_and_login_use_up_no_attempts()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = ConsoleClient.Anonymous(host);
        for (var i = 0; i < 15; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostSignInAsync(client, ConsoleHost.AdminLogin, ConsoleHost.Password)).Status);
        }

        // Failures still count: ten from this address are allowed, the eleventh is held back.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostSignInAsync(client, ConsoleHost.AdminLogin, $"wrong-{i}")).Status);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await PostSignInAsync(client, ConsoleHost.AdminLogin, ConsoleHost.Password)).Status);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostSignInAsync(client, $"guess-{i}", "password-guess")).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostSignInAsync(client, ConsoleHost.AdminLogin, ConsoleHost.Password)).Status);
    }

    [Fact]
    public async Task Unknown_login_failures_are_audited_as_one_entry_when_the_host_stops()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = ConsoleClient.Anonymous(host);
        for (var i = 0; i < 3; i++)
        {
            await PostSignInAsync(client, $"guess-{i}", "password-guess");
        }

        Assert.Empty(host.AdminEntries(AdminEvents.SignInFailed));
        await host.App.StopAsync();

        var burst = Assert.Single(host.AdminEntries(AdminEvents.SignInFailedBurst));
        Assert.StartsWith("3 failed sign-ins with unknown logins between 09:00:00 and 09:00:00", burst.Detail, StringComparison.Ordinal);
    }
}
