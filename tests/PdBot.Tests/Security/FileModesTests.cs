using PdBot.Tests.Cli;
using PdBot.Tests.Hosting;

namespace PdBot.Tests.Security;

/// <summary>The database, its log and lock, and the cookie keys are PdBot's user's alone, whatever the umask.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileModesTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = Private | UnixFileMode.UserExecute;
    private const uint Umask022 = 0b000_010_010;

    private readonly TempFolder _tmp = new();

    private string Data => _tmp.File("data");

    private string Db => Path.Combine(Data, "pdbot.db");

    private string Keys => Path.Combine(Data, "keys");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task A_host_started_under_umask_022_creates_the_database_log_lock_and_keys_0600_in_0700_directories()
    {
        var previous = ProcessUmask.Set(Umask022);
        try
        {
            await using (var host = await BareTestHost.StartAsync(Db))
            {
                // The login page's antiforgery token needs a key: the key ring is on disk by now.
                Assert.True((await host.GetAsync("/admin/login")).IsSuccessStatusCode);
                AssertPrivate(withLog: true);
            }
        }
        finally
        {
            ProcessUmask.Set(previous);
        }
    }

    [Fact]
    public async Task Files_an_older_version_left_readable_are_made_private_at_the_next_start()
    {
        await using (var host = await BareTestHost.StartAsync(Db))
        {
            Assert.True((await host.GetAsync("/admin/login")).IsSuccessStatusCode);
        }

        var readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var listable = readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        foreach (var file in Directory.EnumerateFiles(Data).Concat(Directory.EnumerateFiles(Keys)))
        {
            File.SetUnixFileMode(file, readable);
        }

        File.SetUnixFileMode(Data, listable);
        File.SetUnixFileMode(Keys, listable);

        await using (await BareTestHost.StartAsync(Db))
        {
            AssertPrivate(withLog: false);
        }
    }

    [Theory]
    [InlineData(0b111_111_101, "0775")]
    [InlineData(0b111_101_111, "0757")]
    [InlineData(0b111_111_111, "0777")]
    public async Task The_host_refuses_a_data_directory_others_may_write_to_and_says_how_to_fix_it(int mode, string shown)
    {
        Directory.CreateDirectory(Data);
        File.SetUnixFileMode(Data, (UnixFileMode)mode);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => BareTestHost.StartAsync(Db));

        Assert.Equal($"Каталог данных {Data} доступен на запись группе или всем (режим {shown}): выполните chmod 700 {Data}", refused.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Data));
    }

    [Fact]
    public async Task A_cli_verb_refuses_a_group_writable_data_directory_with_one_clear_line()
    {
        Directory.CreateDirectory(Data);
        File.SetUnixFileMode(Data, PrivateDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute);

        var result = await CliRunner.RunAsync("audit", "verify", "--db", Db);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"pdbot: Каталог данных {Data} доступен на запись группе или всем (режим 0770): выполните chmod 700 {Data}", result.Error.Trim());
        Assert.False(File.Exists(Db));
    }

    /// <param name="withLog">LiteDB's log exists (it is merged and deleted on close, and made again at a write).</param>
    private void AssertPrivate(bool withLog)
    {
        Assert.Equal(PrivateDirectory, File.GetUnixFileMode(Data));
        Assert.Equal(PrivateDirectory, File.GetUnixFileMode(Keys));
        Assert.Equal(Private, File.GetUnixFileMode(Db));
        var log = Path.Combine(Data, "pdbot-log.db");
        Assert.Equal(withLog, File.Exists(log));
        if (withLog)
        {
            Assert.Equal(Private, File.GetUnixFileMode(log));
        }

        Assert.Equal(Private, File.GetUnixFileMode(Db + ".lock"));
        var keys = Directory.GetFiles(Keys);
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Equal(Private, File.GetUnixFileMode(k)));
    }
}
