using PdBot.Adapters.LiteDb;
using PdBot.Tests.Cli;

namespace PdBot.Tests.Storage;

/// <summary>One process owns a database file; another gets a clear error instead of a second writer.</summary>
public sealed class DatabaseLockTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Another_process_cannot_open_a_database_in_use_and_says_why()
    {
        var path = _tmp.File("pdbot.db");
        using (new LiteDbStorage(new StorageOptions { Path = path }))
        {
            var result = await PdbotProcess.RunAsync("", "consents", "export", "--format", "csv", "--db", path);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("база занята другим процессом PdBot", result.Error, StringComparison.Ordinal);
        }

        // Released on dispose: the same command now works.
        Assert.Equal(0, (await PdbotProcess.RunAsync("", "consents", "export", "--format", "csv", "--db", path)).ExitCode);
    }
}
