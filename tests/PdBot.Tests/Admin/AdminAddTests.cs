using Microsoft.Extensions.DependencyInjection;
using PdBot.Core.Admin;
using PdBot.Tests.Cli;

namespace PdBot.Tests.Admin;

public sealed class AdminAddTests : IDisposable
{
    private const string Password = "correct-horse-battery";
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    private Task<(int ExitCode, string Out, string Error)> Add(string input, params string[] extra) =>
        CliRunner.RunWithInputAsync(input, ["admin", "add", "--db", Db, .. extra]);

    [Fact]
    public async Task Admin_add_with_piped_passwords_creates_the_account_and_the_password_verifies()
    {
        var result = await Add($"{Password}\n{Password}\n", "--login", "Anna", "--role", "operator");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Учётная запись anna (оператор) создана.", result.Out, StringComparison.Ordinal);
        Assert.Contains("Пароль:", result.Error, StringComparison.Ordinal);
        Assert.Contains("Повторите пароль:", result.Error, StringComparison.Ordinal);
        using var host = new PdBotTestHost(dbPath: Db);
        var account = host.Services.GetRequiredService<IAdminAccounts>().Find("ANNA");
        Assert.NotNull(account);
        Assert.Equal(AdminRole.Operator, account.Role);
        Assert.Equal(PasswordCheck.Success, host.Services.GetRequiredService<IAdminPasswordHasher>().Verify(account.PasswordHash, Password));
        var created = Assert.Single(host.Audit.ReadAll(), e => e.Kind == AdminEvents.Kind);
        Assert.Equal(AdminEvents.AccountCreated, created.Event);
        Assert.Equal("cli", created.Actor);
        Assert.True(host.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task The_role_defaults_to_admin()
    {
        var result = await Add($"{Password}\n{Password}\n", "--login", "boss");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Учётная запись boss (администратор) создана.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mismatched_passwords_store_nothing()
    {
        var result = await Add($"{Password}\n{Password}x\n", "--login", "anna");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("пароли не совпадают", result.Error, StringComparison.Ordinal);
        AssertNoAccounts();
    }

    [Fact]
    public async Task A_short_password_is_refused()
    {
        var result = await Add("short\nshort\n", "--login", "anna");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("не короче 10 символов", result.Error, StringComparison.Ordinal);
        AssertNoAccounts();
    }

    [Fact]
    public async Task A_duplicate_login_is_refused_ignoring_case()
    {
        await Add($"{Password}\n{Password}\n", "--login", "anna");

        var result = await Add("another-password\nanother-password\n", "--login", "ANNA", "--role", "auditor");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("уже занят", result.Error, StringComparison.Ordinal);
        using var host = new PdBotTestHost(dbPath: Db);
        var accounts = host.Services.GetRequiredService<IAdminAccounts>();
        Assert.Equal(1, accounts.Count());
        Assert.Equal(AdminRole.Admin, accounts.Find("anna")!.Role);
    }

    [Fact]
    public async Task The_stored_hash_is_not_the_password_and_the_file_does_not_contain_it()
    {
        await Add($"{Password}\n{Password}\n", "--login", "anna");

        using (var host = new PdBotTestHost(dbPath: Db))
        {
            var account = host.Services.GetRequiredService<IAdminAccounts>().Find("anna")!;
            Assert.NotEqual(Password, account.PasswordHash);
            Assert.DoesNotContain(Password, account.PasswordHash, StringComparison.Ordinal);
            Assert.DoesNotContain(host.Audit.ReadAll(), e => (e.Detail ?? "").Contains(Password, StringComparison.Ordinal));
        }

        var bytes = await File.ReadAllBytesAsync(Db);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(Password)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes(Password)));
    }

    [Fact]
    public async Task An_account_file_dropped_beside_the_database_creates_no_account_when_the_host_runs()
    {
        // The old handover route: whoever could write data/admin-add/ got an account, password rules skipped.
        var folder = Directory.CreateDirectory(_tmp.File("admin-add")).FullName;
        var request = Path.Combine(folder, "0123456789abcdef0123456789abcdef.json");
        await File.WriteAllTextAsync(request, """{"Login":"mallory","Role":"Admin","PasswordHash":"PBKDF2$1$c2FsdA==$aGFzaA==","Actor":"mallory"}""");

        await using (await Hosting.BareTestHost.StartAsync(Db))
        {
        }

        Assert.True(File.Exists(request));
        Assert.Single(Directory.EnumerateFileSystemEntries(folder));
        AssertNoAccounts();
    }

    [Fact]
    public async Task The_enrollment_refuses_a_short_password_and_an_unknown_role_itself()
    {
        using var host = new PdBotTestHost(dbPath: Db);
        var enrollment = host.Services.GetRequiredService<AdminEnrollment>();

        Assert.Contains("не короче 10 символов", await enrollment.CreateAsync("anna", AdminRole.Admin, "x", "cli"), StringComparison.Ordinal);
        Assert.NotNull(await enrollment.CreateAsync("anna", (AdminRole)42, Password, "cli"));
        Assert.Null(host.Services.GetRequiredService<IAdminAccounts>().Find("anna"));
    }

    private void AssertNoAccounts()
    {
        using var host = new PdBotTestHost(dbPath: Db);
        Assert.Equal(0, host.Services.GetRequiredService<IAdminAccounts>().Count());
        Assert.DoesNotContain(host.Audit.ReadAll(), e => e.Kind == AdminEvents.Kind);
    }
}
