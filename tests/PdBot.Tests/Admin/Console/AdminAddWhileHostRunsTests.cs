using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Admin;
using PdBot.Tests.Cli;

namespace PdBot.Tests.Admin.Console;

/// <summary><c>admin add</c> while the host holds the database: the verb runs inside the host through its control socket.</summary>
public sealed class AdminAddWhileHostRunsTests
{
    [Fact]
    public async Task Admin_add_while_the_host_runs_is_created_by_the_host_and_can_sign_in()
    {
        await using var host = await ConsoleHost.StartAsync();

        var result = await PdbotProcess.RunAsync("maria-secret-1\nmaria-secret-1\n", "admin", "add", "--login", "Maria", "--role", "auditor", "--db", host.DbPath);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Учётная запись maria (аудитор) создана.", result.Out, StringComparison.Ordinal);
        Assert.Contains("Пароль: ", result.Error, StringComparison.Ordinal);
        var account = host.Services.GetRequiredService<IAdminAccounts>().Find("maria");
        Assert.NotNull(account);
        Assert.Equal(AdminRole.Auditor, account.Role);
        Assert.Contains(host.AdminEntries(AdminEvents.AccountCreated), e => e.Actor == "cli" && e.Detail == "login maria, role auditor");
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(host.DbPath)!, "admin-add")));
        using var browser = new HeadlessChromium(host.Address);
        browser.SignIn("maria", "maria-secret-1");
    }

    [Fact]
    public async Task A_taken_login_sent_to_the_host_is_refused_with_the_reason()
    {
        await using var host = await ConsoleHost.StartAsync();

        var result = await PdbotProcess.RunAsync("another-pass-1\nanother-pass-1\n", "admin", "add", "--login", ConsoleHost.AdminLogin, "--db", host.DbPath);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("уже занят", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_too_short_password_sent_to_the_host_is_refused_by_the_host_with_the_usual_message()
    {
        await using var host = await ConsoleHost.StartAsync();

        var result = await PdbotProcess.RunAsync("short\nshort\n", "admin", "add", "--login", "maria", "--db", host.DbPath);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("не короче 10 символов", result.Error, StringComparison.Ordinal);
        Assert.Contains("ничего не сохранено", result.Error, StringComparison.Ordinal);
        Assert.Null(host.Services.GetRequiredService<IAdminAccounts>().Find("maria"));
    }
}
