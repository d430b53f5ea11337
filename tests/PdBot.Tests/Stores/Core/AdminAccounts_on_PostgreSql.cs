using PdBot.Core.Admin;
using PdBot.Core.Audit;

namespace PdBot.Tests.Stores.Core;

public sealed class AdminAccounts_on_PostgreSql : AdminAccountsContract
{
    protected override async Task<CoreStores> OpenAsync() => await PgCoreStores.CreateAsync();

    [Fact]
    public async Task Two_hosts_adding_one_login_at_once_store_it_once_and_the_other_is_told_it_is_taken()
    {
        var one = (PgCoreStores)Stores;
        using var two = one.SecondHost();
        static AdminAccount Account() => new() { Login = "oleg", PasswordHash = "x", CreatedAtUtc = CoreStores.Now };
        var entry = new AuditEntry { TimeUtc = CoreStores.Now, Kind = "admin", Event = "admin-added", Channel = "admin", Actor = "cli" };

        var results = await Task.WhenAll(
            Task.Run(() => Capture(one.Admins.AddAsync(Account(), entry))),
            Task.Run(() => Capture(two.Admins.AddAsync(Account(), new AuditEntry { TimeUtc = entry.TimeUtc, Kind = entry.Kind, Event = entry.Event, Channel = entry.Channel, Actor = entry.Actor }))));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r is DuplicateAdminLoginException);
        Assert.Equal(1, one.Admins.Count());
        Assert.Single(one.Audit.ReadAll());
    }

    private static async Task<Exception?> Capture(Task add)
    {
        try
        {
            await add;
            return null;
        }
        catch (DuplicateAdminLoginException ex)
        {
            return ex;
        }
    }
}
