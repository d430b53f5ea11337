using Microsoft.Extensions.DependencyInjection;
using PdBot.Adapters.Backup;
using PdBot.Adapters.LiteDb;
using PdBot.Tests.Cli;
using PdBot.Tests.Hosting;

namespace PdBot.Tests.Backup;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RestoreTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    private string Copy => _tmp.File("copy.db");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Restore_is_refused_while_the_host_runs_and_the_store_is_untouched()
    {
        await MakeCopyAsync(persons: 1);
        await using (var host = await BareTestHost.StartAsync(Db))
        {
            var before = BackupFiles.Sha256(Db);

            var result = await CliRunner.RunAsync("restore", "--from", Copy, "--db", Db);

            Assert.Equal(2, result.ExitCode);
            Assert.Equal("pdbot restore: Хост работает: остановите его перед восстановлением.\n", result.Error);
            Assert.Equal(before, BackupFiles.Sha256(Db));
        }

        Assert.Empty(Directory.GetFiles(_tmp.Path, "pdbot.db.re*"));
    }

    [Fact]
    public async Task Restore_is_refused_while_another_process_holds_the_store_without_a_control_socket()
    {
        await MakeCopyAsync(persons: 1);
        using var open = new PdBotTestHost(dbPath: Db);

        var result = await CliRunner.RunAsync("restore", "--from", Copy, "--db", Db);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("pdbot restore: Хост работает: остановите его перед восстановлением.", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_tmp.Path, "pdbot.db.re*"));
    }

    [Fact]
    public async Task Restore_keeps_the_replaced_store_private_beside_the_restored_one()
    {
        await MakeCopyAsync(persons: 2);
        using (var host = new PdBotTestHost(dbPath: Db))
        {
            await BackupFiles.GiveAsync(host, "after-the-backup");
        }

        var replacedBytes = BackupFiles.Sha256(Db);

        var result = await CliRunner.RunAsync("restore", "--from", Copy, "--db", Db);

        Assert.Equal(0, result.ExitCode);
        var replaced = Assert.Single(Directory.GetFiles(_tmp.Path, "pdbot.db.replaced-*"));
        Assert.Equal("pdbot.db.replaced-20261123T090000Z".Length, Path.GetFileName(replaced).Length);
        Assert.Equal(replacedBytes, BackupFiles.Sha256(replaced));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(replaced));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Db));
        Assert.Contains("людей — 2, согласий — 2", result.Out, StringComparison.Ordinal);
        Assert.Contains($"Прежняя база сохранена как {replaced}.", result.Out, StringComparison.Ordinal);
        using var restored = new PdBotTestHost(dbPath: Db);
        Assert.Null(restored.Store.FindPerson("test", "after-the-backup"));
        Assert.NotNull(restored.Store.FindPerson("test", "p1"));
        Assert.True(restored.Audit.Verify().IsIntact);
    }

    [Fact]
    public async Task A_backup_with_a_wrong_password_is_refused_and_nothing_is_replaced()
    {
        await MakeCopyAsync(persons: 1, password: "s3cret");
        using (var host = new PdBotTestHost(new() { ["Storage:Password"] = "other" }, Db))
        {
            await BackupFiles.GiveAsync(host, "current");
        }

        var before = BackupFiles.Sha256(Db);

        var result = await CliRunner.RunAsync("restore", "--from", Copy, "--db", Db, "--Storage:Password", "other");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("не прошла проверку: неверный пароль базы", result.Error, StringComparison.Ordinal);
        Assert.Contains("Текущая база не изменена.", result.Error, StringComparison.Ordinal);
        AssertUntouched(before);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    public async Task A_corrupt_backup_is_refused_and_nothing_is_replaced(string damage)
    {
        await MakeCopyAsync(persons: 50);
        var bytes = await File.ReadAllBytesAsync(Copy);
        await File.WriteAllBytesAsync(Copy, damage == "truncated" ? bytes[..(bytes.Length / 2)] : [.. Enumerable.Range(0, 65536).Select(i => (byte)(i * 7))]);
        using (var host = new PdBotTestHost(dbPath: Db))
        {
            await BackupFiles.GiveAsync(host, "current");
        }

        var before = BackupFiles.Sha256(Db);

        var result = await CliRunner.RunAsync("restore", "--from", Copy, "--db", Db);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("не прошла проверку", result.Error, StringComparison.Ordinal);
        AssertUntouched(before);
    }

    private void AssertUntouched(string before)
    {
        Assert.Equal(before, BackupFiles.Sha256(Db));
        Assert.Empty(Directory.GetFiles(_tmp.Path, "pdbot.db.re*"));
    }

    /// <summary>A store with <paramref name="persons"/> consents backed up to <see cref="Copy"/>; the store itself is then removed.</summary>
    private async Task MakeCopyAsync(int persons, string? password = null)
    {
        using (var host = new PdBotTestHost(password is null ? null : new() { ["Storage:Password"] = password }, Db))
        {
            for (var i = 1; i <= persons; i++)
            {
                await BackupFiles.GiveAsync(host, $"p{i}");
            }

            Assert.True((await host.Services.GetRequiredService<StoreBackup>().MakeAsync(Copy, force: false)).Check.IsIntact);
        }

        File.Delete(Db);
        File.Delete(LiteDbStorage.LogFileOf(Db));
    }
}
