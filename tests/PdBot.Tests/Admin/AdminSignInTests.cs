using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Admin;
using PdBot.Core.Audit;

namespace PdBot.Tests.Admin;

public sealed class AdminSignInTests : IDisposable
{
    private const string Password = "correct-horse-battery";
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private AdminSignIn SignIn => _host.Services.GetRequiredService<AdminSignIn>();

    private IAdminAccounts Accounts => _host.Services.GetRequiredService<IAdminAccounts>();

    private List<AuditEntry> AdminEntries() => [.. _host.Audit.ReadAll().Where(e => e.Kind == AdminEvents.Kind && e.Event != AdminEvents.AccountCreated)];

    private async Task CreateAnna() =>
        Assert.Null(await _host.Services.GetRequiredService<AdminEnrollment>().CreateAsync("Anna", AdminRole.Operator, Password, "cli"));

    [Fact]
    public async Task Sign_in_succeeds_and_is_audited()
    {
        await CreateAnna();

        var result = await SignIn.SignInAsync("ANNA", Password);

        Assert.True(result.Succeeded);
        Assert.Equal("anna", result.Login);
        Assert.Equal(AdminRole.Operator, result.Role);
        var entry = Assert.Single(AdminEntries());
        Assert.Equal(AdminEvents.SignIn, entry.Event);
        Assert.Equal("anna", entry.Actor);
        Assert.Equal("admin", entry.Channel);
        Assert.Equal(_host.Clock.GetUtcNow().UtcDateTime, Accounts.Find("anna")!.LastSignInUtc);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_audited()
    {
        await CreateAnna();

        var result = await SignIn.SignInAsync("anna", "wrong-password");

        Assert.False(result.Succeeded);
        var entry = Assert.Single(AdminEntries());
        Assert.Equal(AdminEvents.SignInFailed, entry.Event);
        Assert.Equal("anna", entry.Actor);
        Assert.DoesNotContain("wrong-password", entry.Detail ?? "", StringComparison.Ordinal);
        Assert.Equal(1, Accounts.Find("anna")!.FailedAttempts);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password_until_fifteen_minutes_pass()
    {
        await CreateAnna();
        for (var i = 0; i < 5; i++)
        {
            Assert.False((await SignIn.SignInAsync("anna", $"wrong-password-{i}")).Succeeded);
        }

        Assert.Equal(AdminEvents.LockedOut, AdminEntries()[^1].Event);
        Assert.False((await SignIn.SignInAsync("anna", Password)).Succeeded);
        _host.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.False((await SignIn.SignInAsync("anna", Password)).Succeeded);

        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var result = await SignIn.SignInAsync("anna", Password);

        Assert.True(result.Succeeded);
        Assert.Equal(
            [.. Enumerable.Repeat(AdminEvents.SignInFailed, 4), AdminEvents.LockedOut, AdminEvents.SignInFailed, AdminEvents.SignInFailed, AdminEvents.SignIn],
            AdminEntries().Select(e => e.Event));
        Assert.Equal(0, Accounts.Find("anna")!.FailedAttempts);
        Assert.True(_host.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task A_success_resets_the_failure_counter()
    {
        await CreateAnna();
        for (var i = 0; i < 4; i++)
        {
            await SignIn.SignInAsync("anna", "wrong-password");
        }

        Assert.True((await SignIn.SignInAsync("anna", Password)).Succeeded);
        Assert.False((await SignIn.SignInAsync("anna", "wrong-password")).Succeeded);

        Assert.True((await SignIn.SignInAsync("anna", Password)).Succeeded);
    }

    [Fact]
    public async Task An_unknown_login_gives_the_same_result_as_a_wrong_password()
    {
        await CreateAnna();

        var unknown = await SignIn.SignInAsync("nobody", Password);
        var wrong = await SignIn.SignInAsync("anna", "wrong-password");

        Assert.Equal(wrong, unknown);
        var entry = Assert.Single(AdminEntries());
        Assert.Equal((AdminEvents.SignInFailed, "anna"), (entry.Event, entry.Actor));
        Assert.Equal(1, _host.Services.GetRequiredService<SignInFailureBurst>().Pending);
        Assert.DoesNotContain(Password, entry.Detail ?? "", StringComparison.Ordinal);
    }
}
