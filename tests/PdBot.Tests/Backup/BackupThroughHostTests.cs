using PdBot.Adapters.Backup;
using PdBot.Tests.Cli;
using PdBot.Tests.Hosting;

namespace PdBot.Tests.Backup;

/// <summary>`pdbot backup` from another process while the host runs: the verb runs inside the host over its control socket.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BackupThroughHostTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Backup_from_another_process_runs_in_the_live_host_and_the_copy_checks_out()
    {
        var copy = _tmp.File("out/copy.db");
        await using (await BareTestHost.StartAsync(Db))
        {
            var chat = await PdbotProcess.RunAsync("/start\n1\n2\n", "chat", "--user", "42", "--db", Db);
            Assert.Equal(0, chat.ExitCode);

            var result = await PdbotProcess.RunAsync("", "backup", "--out", copy, "--db", Db);

            Assert.Equal((0, ""), (result.ExitCode, result.Error));
            Assert.StartsWith($"Резервная копия {copy} создана (", result.Out, StringComparison.Ordinal);
            Assert.Contains("людей — 1, согласий — 1", result.Out, StringComparison.Ordinal);
            Assert.Contains("цепочка цела; копирование заняло", result.Out, StringComparison.Ordinal);
        }

        var check = BackupCheck.Run(copy, null);
        Assert.True(check.IsIntact, check.Problem);
        Assert.Equal((1L, 1L), (check.Persons, check.Consents));
        var verify = await CliRunner.RunAsync("audit", "verify", "--db", Db);
        Assert.Equal(0, verify.ExitCode);
    }
}
