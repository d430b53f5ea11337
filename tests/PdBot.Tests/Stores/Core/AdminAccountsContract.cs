using PdBot.Core.Admin;
using PdBot.Core.Audit;

namespace PdBot.Tests.Stores.Core;

/// <summary>IAdminAccounts, written once and run on every provider.</summary>
public abstract class AdminAccountsContract : CoreStoreContract
{
    private static AuditEntry Entry(string evt) => new() { TimeUtc = CoreStores.Now, Kind = "admin", Event = evt, Channel = "admin", Actor = "cli" };

    private static AdminAccount Account(string login, AdminRole role = AdminRole.Admin) => new()
    {
        Login = login,
        Role = role,
        PasswordHash = "hash-" + AdminAccount.Normalize(login),
        CreatedAtUtc = CoreStores.Now,
        SessionStamp = "stamp",
    };

    [Fact]
    public async Task An_added_account_is_found_ignoring_case_counted_listed_by_login_and_audited()
    {
        await Stores.Admins.AddAsync(Account(" Oleg "), Entry("admin-added"));
        await Stores.Admins.AddAsync(Account("anna", AdminRole.Auditor), Entry("admin-added"));

        var oleg = Stores.Admins.Find("OLEG")!;
        Assert.Equal(("oleg", AdminRole.Admin, "hash-oleg", CoreStores.Now, "stamp"), (oleg.Login, oleg.Role, oleg.PasswordHash, oleg.CreatedAtUtc, oleg.SessionStamp));
        Assert.Null(Stores.Admins.Find("boris"));
        Assert.Equal(2, Stores.Admins.Count());
        Assert.Equal(["anna", "oleg"], Stores.Admins.All().Select(a => a.Login));
        Assert.Equal(AdminRole.Auditor, Stores.Admins.All()[0].Role);
        Assert.Equal(2, Stores.Audit.ReadAll().Count());
        Assert.True(Stores.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task A_taken_login_is_refused_whatever_its_case_and_nothing_is_written()
    {
        await Stores.Admins.AddAsync(Account("oleg"), Entry("admin-added"));

        await Assert.ThrowsAsync<DuplicateAdminLoginException>(() => Stores.Admins.AddAsync(Account("Oleg"), Entry("admin-added")));

        Assert.Equal(1, Stores.Admins.Count());
        Assert.Single(Stores.Audit.ReadAll());
        Assert.Equal("hash-oleg", Stores.Admins.Find("oleg")!.PasswordHash);
    }

    [Fact]
    public async Task A_saved_account_keeps_its_changes_and_its_audit_entry_if_any()
    {
        await Stores.Admins.AddAsync(Account("oleg"), Entry("admin-added"));
        var account = Stores.Admins.Find("oleg")!;
        account.FailedAttempts = 3;
        account.LockedUntilUtc = CoreStores.Now.AddMinutes(15);

        await Stores.Admins.SaveAsync(account, null);
        account.LastSignInUtc = CoreStores.Now.AddHours(1);
        await Stores.Admins.SaveAsync(account, Entry("signed-in"));

        var back = Stores.Admins.Find("oleg")!;
        Assert.Equal((3, CoreStores.Now.AddMinutes(15), CoreStores.Now.AddHours(1)), (back.FailedAttempts, back.LockedUntilUtc, back.LastSignInUtc));
        Assert.Equal(DateTimeKind.Utc, back.LockedUntilUtc!.Value.Kind);
        Assert.Equal(["admin-added", "signed-in"], Stores.Audit.ReadAll().Select(e => e.Event));
    }
}
