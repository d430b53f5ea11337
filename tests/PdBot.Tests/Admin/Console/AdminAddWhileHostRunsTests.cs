using Microsoft.Extensions.DependencyInjection;
using PdBot.Bot.Admin.Handover;
using PdBot.Core.Admin;
using PdBot.Tests.Cli;

namespace PdBot.Tests.Admin.Console;

/// <summary><c>admin add</c> while the host holds the database: the account is handed to the host, which creates it.</summary>
public sealed class AdminAddWhileHostRunsTests
{
    [Fact]
    public async Task Admin_add_while_the_host_runs_is_created_by_the_host_and_can_sign_in()
    {
        await using var host = await ConsoleHost.StartAsync();

        var result = await PdbotProcess.RunAsync("maria-secret-1\nmaria-secret-1\n", "admin", "add", "--login", "Maria", "--role", "auditor", "--db", host.DbPath);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Учётная запись maria (аудитор) создана (через работающий хост).", result.Out, StringComparison.Ordinal);
        var account = host.Services.GetRequiredService<IAdminAccounts>().Find("maria");
        Assert.NotNull(account);
        Assert.Equal(AdminRole.Auditor, account.Role);
        Assert.Contains(host.AdminEntries(AdminEvents.AccountCreated), e => e.Actor == "cli" && e.Detail == "login maria, role auditor");
        Assert.Empty(Directory.EnumerateFiles(AccountHandover.FolderFor(host.DbPath)));
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn("maria", "maria-secret-1");
    }

    [Fact]
    public async Task A_taken_login_handed_to_the_host_is_refused_with_the_reason()
    {
        await using var host = await ConsoleHost.StartAsync();

        var result = await PdbotProcess.RunAsync("another-pass-1\nanother-pass-1\n", "admin", "add", "--login", ConsoleHost.AdminLogin, "--db", host.DbPath);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("уже занят", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(AccountHandover.FolderFor(host.DbPath)));
    }
}
