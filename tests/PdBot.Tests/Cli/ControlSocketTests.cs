using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PdBot.Bot.Cli;
using PdBot.Bot.Cli.Control;
using PdBot.Tests.Hosting;

namespace PdBot.Tests.Cli;

/// <summary>The CLI on a live host: another process runs its verbs inside the host through the control socket.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ControlSocketTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    private string Db => _tmp.File("pdbot.db");

    private string Socket => _tmp.File("pdbot.sock");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Verbs_from_another_process_run_in_the_live_host_with_the_output_and_exit_code_of_a_stopped_store()
    {
        string[][] verbs = [["requests", "list", "--all"], ["consents", "export", "--format", "csv"], ["audit", "verify"]];
        var live = new List<(int ExitCode, string Out)>();
        await using (await BareTestHost.StartAsync(Db))
        {
            var chat = await PdbotProcess.RunAsync("/start\n1\n2\n", "chat", "--user", "42", "--db", Db);
            Assert.Equal(0, chat.ExitCode);
            Assert.Contains("> /start", chat.Out, StringComparison.Ordinal);
            Assert.Contains("[1] ☑ Согласен(на) на рассылку", chat.Out, StringComparison.Ordinal);
            foreach (var verb in verbs)
            {
                var result = await PdbotProcess.RunAsync("", [.. verb, "--db", Db]);
                Assert.DoesNotContain("in use", result.Error, StringComparison.Ordinal);
                live.Add((result.ExitCode, result.Out));
            }
        }

        Assert.False(File.Exists(Socket));
        Assert.Contains(",local,42,mailing,", live[1].Out, StringComparison.Ordinal);
        Assert.StartsWith("Цепочка цела", live[2].Out, StringComparison.Ordinal);
        for (var i = 0; i < verbs.Length; i++)
        {
            var stopped = await CliRunner.RunAsync([.. verbs[i], "--db", Db]);
            Assert.Equal((stopped.ExitCode, stopped.Out), live[i]);
        }
    }

    [Fact]
    public async Task The_control_socket_is_for_its_owner_only_and_replaces_a_stale_one()
    {
        Directory.CreateDirectory(_tmp.Path);
        using (var stale = new System.Net.Sockets.Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            // Moved away from the name it was bound to, the file outlives the socket, as after a crash.
            stale.Bind(new UnixDomainSocketEndPoint(_tmp.File("old.sock")));
            File.Move(_tmp.File("old.sock"), Socket);
        }

        Assert.True(File.Exists(Socket));

        await using (await BareTestHost.StartAsync(Db))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Socket));
            using var client = await ControlSocketPath.ConnectAsync(Socket, default);
            Assert.NotNull(client);
            Assert.False(Directory.Exists(_tmp.File("admin-add")));
        }

        Assert.False(File.Exists(Socket));
    }

    [Fact]
    public async Task A_verb_run_in_process_while_the_host_runs_goes_through_the_socket_and_reads_its_input_there()
    {
        await using var host = await BareTestHost.StartAsync(Db);

        var result = await CliRunner.RunWithInputAsync("correct-horse-battery\ncorrect-horse-battery\n", "admin", "add", "--login", "anna", "--db", Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Учётная запись anna (администратор) создана.\n", result.Out);
        Assert.Equal("Пароль: \nПовторите пароль: \n", result.Error);
    }

    [Fact]
    public async Task A_client_that_is_not_a_pdbot_cli_gets_a_clear_refusal()
    {
        await using var host = await BareTestHost.StartAsync(Db);
        using var client = await ControlSocketPath.ConnectAsync(Socket, default);
        await using var stream = new NetworkStream(client!);
        using var reader = new StreamReader(stream);

        await stream.WriteAsync("not json\n"u8.ToArray());

        Assert.Equal("""{"err":"pdbot: непонятный запрос к управляющему сокету.\n"}""", await reader.ReadLineAsync());
        Assert.Equal("""{"exit":2}""", await reader.ReadLineAsync());
    }

    [Fact]
    public async Task A_client_that_goes_away_cancels_its_verb_in_the_host()
    {
        await using var app = ServeVerb.BuildApp(["--urls", "http://127.0.0.1:0", "--Storage:Path", Db]);
        await app.StartAsync();
        var control = app.Services.GetServices<IHostedService>().OfType<ControlSocketHost>().Single();
        using (var client = await ControlSocketPath.ConnectAsync(Socket, default))
        {
            await using var stream = new NetworkStream(client!);
            using var reader = new StreamReader(stream);
            ControlJson.Write(stream, new ControlCall(["chat", "--db", Db], InputRedirected: true));
            while (ControlJson.Parse<ControlReply>((await reader.ReadLineAsync())!).Read is null)
            {
            }
        }

        // A guard, not a wait: the chat waits for its next line until cancelled.
        await control.SessionsEndedAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await app.StopAsync();
    }

    [Fact]
    public async Task Inside_the_host_serve_is_refused()
    {
        await using var host = await BareTestHost.StartAsync(Db);
        using var client = await ControlSocketPath.ConnectAsync(Socket, default);
        await using var stream = new NetworkStream(client!);
        using var reader = new StreamReader(stream);

        ControlJson.Write(stream, new ControlCall(["serve"], InputRedirected: true));

        Assert.Contains("хост уже работает", ControlJson.Parse<ControlReply>((await reader.ReadLineAsync())!).Err, StringComparison.Ordinal);
        Assert.Equal(2, ControlJson.Parse<ControlReply>((await reader.ReadLineAsync())!).Exit);
    }
}
