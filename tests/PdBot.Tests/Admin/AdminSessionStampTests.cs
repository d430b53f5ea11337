using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Admin;
using PdBot.Core.Audit;

namespace PdBot.Tests.Admin;

/// <summary>The account's session stamp: set at sign-in, replaced by every change that must end the sessions.</summary>
public sealed class AdminSessionStampTests : IDisposable
{
    private const string Password = "correct-horse-battery";
    private readonly PdBotTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private IAdminAccounts Accounts => _host.Services.GetRequiredService<IAdminAccounts>();

    private AdminAccountChanges Changes => _host.Services.GetRequiredService<AdminAccountChanges>();

    private async Task<string> SignedInStamp()
    {
        var result = await _host.Services.GetRequiredService<AdminSignIn>().SignInAsync("anna", Password);
        Assert.True(result.Succeeded);
        return Assert.IsType<string>(result.SessionStamp);
    }

    private async Task CreateAnnaWithoutStamp()
    {
        // As an account stored before session stamps existed.
        var hasher = _host.Services.GetRequiredService<IAdminPasswordHasher>();
        await Accounts.AddAsync(
            new AdminAccount { Login = "anna", Role = AdminRole.Operator, PasswordHash = hasher.Hash(Password) },
            new AuditEntry { Kind = AdminEvents.Kind, Event = AdminEvents.AccountCreated, Channel = AdminEvents.Channel, Actor = "cli" });
        Assert.True(string.IsNullOrEmpty(Accounts.Find("anna")!.SessionStamp));
    }

    [Fact]
    public async Task An_account_without_a_stamp_gets_one_at_its_next_sign_in_and_keeps_it()
    {
        await CreateAnnaWithoutStamp();

        var first = await SignedInStamp();
        var second = await SignedInStamp();

        Assert.Equal(22, first.Length);
        Assert.Equal(first, Accounts.Find("anna")!.SessionStamp);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_password_change_replaces_the_stamp_and_is_audited_without_the_password()
    {
        await CreateAnnaWithoutStamp();
        var stamp = await SignedInStamp();

        Assert.Null(await Changes.ChangePasswordAsync("ANNA", "a-new-password-42", "boss"));

        var account = Accounts.Find("anna")!;
        Assert.NotEqual(stamp, account.SessionStamp);
        Assert.False((await _host.Services.GetRequiredService<AdminSignIn>().SignInAsync("anna", Password)).Succeeded);
        var entry = Assert.Single(_host.Audit.ReadAll(), e => e.Event == AdminEvents.PasswordChanged);
        Assert.Equal(("boss", "login anna"), (entry.Actor, entry.Detail));
    }

    [Fact]
    public async Task A_short_new_password_is_refused_and_changes_nothing()
    {
        await CreateAnnaWithoutStamp();
        var stamp = await SignedInStamp();

        Assert.NotNull(await Changes.ChangePasswordAsync("anna", "short", "boss"));

        Assert.Equal(stamp, Accounts.Find("anna")!.SessionStamp);
        Assert.DoesNotContain(_host.Audit.ReadAll(), e => e.Event == AdminEvents.PasswordChanged);
    }

    [Fact]
    public async Task A_role_change_an_unlock_and_a_sign_out_each_replace_the_stamp()
    {
        await CreateAnnaWithoutStamp();
        var stamps = new List<string?> { await SignedInStamp() };

        Assert.Null(await Changes.ChangeRoleAsync("anna", AdminRole.Auditor, "boss"));
        stamps.Add(Accounts.Find("anna")!.SessionStamp);
        Assert.Null(await Changes.UnlockAsync("anna", "boss"));
        stamps.Add(Accounts.Find("anna")!.SessionStamp);
        Assert.Null(await Changes.EndSessionsAsync("anna"));
        stamps.Add(Accounts.Find("anna")!.SessionStamp);

        Assert.Equal(4, stamps.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(AdminRole.Auditor, Accounts.Find("anna")!.Role);
        Assert.Equal(
            [("role-changed", "login anna, role operator -> auditor"), ("account-unlocked", "login anna")],
            _host.Audit.ReadAll().Where(e => e.Event is AdminEvents.RoleChanged or AdminEvents.AccountUnlocked).Select(e => (e.Event, e.Detail ?? "")));
    }

    [Fact]
    public async Task A_change_to_an_unknown_account_is_refused()
    {
        Assert.Equal("такой учётной записи нет", await Changes.ChangeRoleAsync("nobody", AdminRole.Admin, "boss"));
        Assert.Empty(Accounts.All());
    }
}
